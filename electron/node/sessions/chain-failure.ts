import { RoledeckError } from '../../../shared/contract/errors';
import { diagnoseAccess, type AccessStep } from '../../../shared/logic/access-diagnosis';
import { redactText } from '../../../shared/logic/redact';
import { AwsCallError, awsMessageOf, networkCauseText } from '../../../shared/domain/aws-call-error';

/** A step of the chain failed; carries what test access needs to explain it. */
export class ChainFailure extends Error {
  constructor(
    readonly step: AccessStep,
    readonly error: unknown,
    readonly code?: string,
  ) {
    super(error instanceof Error ? error.message : String(error));
    this.name = 'ChainFailure';
  }
}

/** Runs one step; whatever it throws comes out as a ChainFailure naming that step (the first one to fail wins). */
export async function attempt<T>(step: AccessStep, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof ChainFailure ? error : new ChainFailure(step, error);
  }
}

/** The failure as diagnosis reads it: AWS's own code and words when AWS refused, redacted otherwise. */
export function failureDetails(failure: ChainFailure): { code: string; message: string; fromAws: boolean } {
  const { error } = failure;
  // No answer at all: AWS said nothing, so it is not quoted as if it had; where and why instead.
  if (error instanceof AwsCallError && error.awsCode === 'NetworkError') {
    return { code: 'NetworkError', message: `Could not reach AWS STS at ${error.endpoint ?? 'its endpoint'}: ${networkCauseText(error.networkCause)}`, fromAws: false };
  }
  if (error instanceof AwsCallError) return { code: error.awsCode, message: awsMessageOf(error), fromAws: true };
  if (error instanceof RoledeckError) return { code: failure.code ?? error.code, message: error.message, fromAws: false };
  return { code: 'UnknownError', message: redactText(error instanceof Error ? error.message : String(error)), fromAws: false };
}

/** The error a caller of start/refresh sees: AWS failures explained the way test access explains them. */
export function explainedError(error: unknown): unknown {
  if (!(error instanceof ChainFailure)) return error;
  const inner = error.error;
  if (!(inner instanceof AwsCallError)) return inner;
  const details = failureDetails(error);
  const { explanation } = diagnoseAccess(error.step, details.code, details.message);
  if (!details.fromAws) return new AwsCallError(inner.awsCode, explanation, { cause: inner, ...(inner.endpoint ? { endpoint: inner.endpoint } : {}) });
  return new AwsCallError(inner.awsCode, `${explanation} (AWS: ${details.code}: ${details.message})`, { cause: inner });
}

/** What a failed session shows in the window: a code and a redacted message, never internals. */
export function statusErrorOf(error: unknown): { code: string; message: string } {
  if (error instanceof AwsCallError) return { code: error.awsCode, message: redactText(error.message) };
  if (error instanceof RoledeckError) return { code: error.code, message: redactText(error.message) };
  return { code: 'INTERNAL', message: 'Roledeck hit an internal error. Details are in the log.' };
}
