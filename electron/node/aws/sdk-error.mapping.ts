import { AwsCallError } from '../../../shared/domain/aws-call-error';

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** The fields SDK v3 puts on a service error (ServiceException) besides name and message. */
interface SdkErrorFields {
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: { throttling?: unknown };
  $response?: { statusCode?: unknown };
  code?: unknown;
}

/**
 * The AWS error name, or 'NetworkError' when the request never got an answer from AWS. Service
 * errors carry `$fault`; a refused connection or a DNS failure is a plain Node error with a `code`,
 * and the SDK's request/connection timeouts are named TimeoutError.
 */
function awsCodeOf(error: unknown): string {
  if (!(error instanceof Error)) return 'UnknownError';
  const fields = error as Error & SdkErrorFields;
  if (fields.$fault === undefined) {
    if (typeof fields.code === 'string' && NETWORK_ERROR_CODES.has(fields.code)) return 'NetworkError';
    if (error.name === 'TimeoutError' || error.name === 'RequestTimeout') return 'NetworkError';
  }
  return error.name;
}

function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const fields = error as Error & SdkErrorFields;
  const status = fields.$metadata?.httpStatusCode ?? fields.$response?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Any failure of an SDK call as a redacted AwsCallError: "<Operation> failed: <AwsCode>: <AWS's
 * words>". An AwsCallError thrown inside the call (an empty answer, say) passes through as is.
 * The SDK's `$retryable.throttling` trait marks throttles that a service names its own way.
 */
/** The system's reason a request got no answer (ECONNREFUSED …, or the SDK's TimeoutError). */
function networkCauseOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const fields = error as Error & SdkErrorFields;
  if (typeof fields.code === 'string' && NETWORK_ERROR_CODES.has(fields.code)) return fields.code;
  if (error.name === 'TimeoutError' || error.name === 'RequestTimeout') return error.name;
  return undefined;
}

/** Where the pool's recorder (aws-client-pool.ts) says the failed request went. */
export const ENDPOINT_FIELD = Symbol('roledeck.endpoint');

export function toAwsCallError(operation: string, error: unknown): AwsCallError {
  if (error instanceof AwsCallError) return error;
  const name = awsCodeOf(error);
  const network = name === 'NetworkError' ? networkCauseOf(error) : undefined;
  const endpoint = name === 'NetworkError' && typeof error === 'object' && error !== null ? (error as { [ENDPOINT_FIELD]?: unknown })[ENDPOINT_FIELD] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const httpStatus = httpStatusOf(error);
  const traits = error instanceof Error ? (error as Error & SdkErrorFields).$retryable : undefined;
  return new AwsCallError(name, `${operation} failed: ${name}: ${message}`, {
    cause: error,
    awsMessage: message,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(traits?.throttling === true ? { throttled: true } : {}),
    ...(network ? { networkCause: network } : {}),
    ...(typeof endpoint === 'string' ? { endpoint } : {}),
  });
}
