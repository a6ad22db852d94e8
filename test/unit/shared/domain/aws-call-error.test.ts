import { describe, expect, it } from 'vitest';
import { RoledeckError } from '../../../../shared/contract/errors';
import { AwsCallError, awsMessageOf, isAwsError, isThrottling } from '../../../../shared/domain/aws-call-error';

describe('AwsCallError', () => {
  it('is a RoledeckError with code AWS_ERROR, so it crosses IPC like every other domain error', () => {
    const error = new AwsCallError('AccessDenied', 'AssumeRole failed: AccessDenied: no');
    expect(error).toBeInstanceOf(RoledeckError);
    expect(error).toMatchObject({ code: 'AWS_ERROR', name: 'AwsCallError', awsCode: 'AccessDenied' });
  });

  it("keeps AWS's own words from the cause for diagnosis, without Roledeck's prefix", () => {
    const cause = Object.assign(new Error('Not authorized to perform sts:AssumeRole'), { name: 'AccessDenied' });
    const error = new AwsCallError('AccessDenied', 'AssumeRole failed: AccessDenied: Not authorized to perform sts:AssumeRole', { cause });
    expect(awsMessageOf(error)).toBe('Not authorized to perform sts:AssumeRole');
  });

  it('never holds a secret access key in its message, even when a caller puts one there', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const error = new AwsCallError('InvalidClientTokenId', `key ${secret} refused`, { awsMessage: `key ${secret}` });
    expect(error.message).not.toContain(secret);
    expect(error.awsMessage).not.toContain(secret);
  });

  it('classifies throttles by name or HTTP 429, and retryable failures by throttle, network or 5xx', () => {
    expect(isThrottling('ThrottlingException')).toBe(true);
    expect(isThrottling('Whatever', 429)).toBe(true);
    expect(isThrottling('ValidationError', 400)).toBe(false);
    expect(new AwsCallError('Throttling', 'slow down')).toMatchObject({ throttled: true, retryable: true });
    expect(new AwsCallError('NetworkError', 'no answer')).toMatchObject({ throttled: false, retryable: true });
    expect(new AwsCallError('InternalFailure', 'oops', { httpStatus: 503 })).toMatchObject({ retryable: true });
    expect(new AwsCallError('ValidationError', 'bad', { httpStatus: 400 })).toMatchObject({ throttled: false, retryable: false });
  });

  it('matches an AWS error code in the documented spelling and in the SDK’s modeled-exception spelling', () => {
    expect(isAwsError(new AwsCallError('NoSuchEntityException', 'x'), 'NoSuchEntity')).toBe(true);
    expect(isAwsError(new AwsCallError('NoSuchEntity', 'x'), 'NoSuchEntity')).toBe(true);
    expect(isAwsError(new AwsCallError('AccessDenied', 'x'), 'NoSuchEntity')).toBe(false);
    expect(isAwsError(Object.assign(new Error('x'), { awsCode: 'NoSuchEntity' }), 'NoSuchEntity')).toBe(false);
  });
});
