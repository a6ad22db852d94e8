import { RoledeckError } from '../contract/errors';
import { redactText } from '../logic/redact';

/**
 * Error names AWS uses for "slow down". The list is the SDK's own classification
 * (@smithy/core service-error-classification THROTTLING_ERROR_CODES) without
 * LimitExceededException: CloudFormation answers that for an account quota (too many stacks),
 * which waiting does not fix.
 */
const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'TransactionInProgressException',
]);

/** Failures worth one more try later: no answer at all, a timeout, or AWS's side failing (5xx). */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'NetworkError',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
]);

/** True for AWS's "slow down" answers: a throttling error name or HTTP 429. */
export function isThrottling(awsCode: string, httpStatus?: number): boolean {
  return httpStatus === 429 || THROTTLING_CODES.has(awsCode);
}

export interface AwsCallErrorOptions {
  cause?: unknown;
  /** The HTTP status AWS answered with; absent when no answer arrived. */
  httpStatus?: number;
  /** AWS's own words without Roledeck's prefix; defaults to the cause's message. Redacted here. */
  awsMessage?: string;
  /** Defaults to the error name / HTTP 429 classification above. */
  throttled?: boolean;
  /** Defaults to throttled, a network failure or a 5xx answer. */
  retryable?: boolean;
  /** Where the request went (`https://sts.us-east-1.amazonaws.com`), when it never got an answer. */
  endpoint?: string;
  /** Why no answer came, for NetworkError: the system's code (ECONNREFUSED, ENOTFOUND …) or TimeoutError. */
  networkCause?: string;
}

/**
 * An AWS failure, with what a caller needs to decide: the AWS error name (`awsCode`:
 * AccessDenied, ExpiredToken, ValidationError, 'NetworkError' when nothing answered), the HTTP
 * status, AWS's own message, and whether backing off and trying again can help. Every text in it
 * is redacted: it may reach a log line or the renderer.
 */
export class AwsCallError extends RoledeckError {
  readonly awsCode: string;
  readonly httpStatus: number | undefined;
  readonly awsMessage: string;
  /** AWS asked us to slow down: back off before the next call. */
  readonly throttled: boolean;
  /** The same call may succeed later unchanged (throttled, network, 5xx). */
  readonly retryable: boolean;
  /** For NetworkError: where the request went, and why nothing answered. */
  readonly endpoint: string | undefined;
  readonly networkCause: string | undefined;

  constructor(awsCode: string, message: string, options: AwsCallErrorOptions = {}) {
    super('AWS_ERROR', redactText(message), 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'AwsCallError';
    this.awsCode = awsCode;
    this.httpStatus = options.httpStatus;
    const cause = options.cause;
    this.awsMessage = redactText(options.awsMessage ?? (cause instanceof Error ? cause.message : message));
    this.throttled = options.throttled ?? isThrottling(awsCode, options.httpStatus);
    this.endpoint = options.endpoint;
    this.networkCause = options.networkCause;
    this.retryable =
      options.retryable ??
      (this.throttled || TRANSIENT_CODES.has(awsCode) || (options.httpStatus !== undefined && options.httpStatus >= 500));
  }
}

/**
 * True when `error` is an AwsCallError with one of these AWS error codes. `awsCode` is the SDK's
 * error name: for errors the service models, SDK v3 names them after the model shape
 * (NoSuchEntityException, ChangeSetNotFoundException) where AWS's documentation and the wire say
 * NoSuchEntity, ChangeSetNotFound; both spellings match here.
 */
export function isAwsError(error: unknown, ...codes: string[]): error is AwsCallError {
  return error instanceof AwsCallError && codes.some((code) => error.awsCode === code || error.awsCode === `${code}Exception`);
}

/** AWS's own words for a failure, without Roledeck's "<Operation> failed: <code>:" prefix (for diagnosis). */
export function awsMessageOf(error: AwsCallError): string {
  return error.awsMessage;
}

/** A network failure in words: what the system said, as a person says it. */
export function networkCauseText(cause: string | undefined): string {
  switch (cause) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the name does not resolve (DNS)';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was reset';
    case 'ETIMEDOUT':
    case 'TimeoutError':
    case 'RequestTimeout':
      return 'no answer in time';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the host (offline, or a VPN needed)';
    default:
      return 'no answer';
  }
}
