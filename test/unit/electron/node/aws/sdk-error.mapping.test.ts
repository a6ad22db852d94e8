import { CloudFormationServiceException } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { toAwsCallError } from '../../../../../electron/node/aws/sdk-error.mapping';
import { AwsCallError } from '../../../../../shared/domain/aws-call-error';

function serviceError(name: string, status: number, extra: object = {}): CloudFormationServiceException {
  return Object.assign(new CloudFormationServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` }), extra);
}

describe('toAwsCallError', () => {
  it.each(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded'])('recognises %s as AWS asking us to slow down', (name) => {
    const error = toAwsCallError('DescribeStackEvents', serviceError(name, 400));
    expect(error).toMatchObject({ awsCode: name, throttled: true, retryable: true });
  });

  it('recognises HTTP 429 as throttling whatever the error is called', () => {
    expect(toAwsCallError('ListDistributions', serviceError('SomethingNew', 429))).toMatchObject({ throttled: true, retryable: true, httpStatus: 429 });
  });

  it("recognises a service's own throttle name through the SDK's throttling trait", () => {
    const error = toAwsCallError('Op', serviceError('CustomSlowDownPlease', 400, { $retryable: { throttling: true } }));
    expect(error.throttled).toBe(true);
  });

  it('does not take an account quota (LimitExceededException) for throttling', () => {
    expect(toAwsCallError('CreateChangeSet', serviceError('LimitExceededException', 400))).toMatchObject({ throttled: false, retryable: false });
  });

  it('calls a refused connection, a DNS failure and an SDK timeout a NetworkError worth retrying', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND sts.example'), { code: 'ENOTFOUND' });
    const timeout = Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' });
    for (const cause of [refused, dns, timeout]) {
      expect(toAwsCallError('AssumeRole', cause)).toMatchObject({ awsCode: 'NetworkError', retryable: true, throttled: false, httpStatus: undefined });
    }
  });

  it('marks a 5xx answer retryable', () => {
    expect(toAwsCallError('Op', serviceError('InternalFailure', 500))).toMatchObject({ retryable: true, throttled: false });
  });

  it('keeps the AWS error name and AWS words, with secrets masked', () => {
    const token = 'IQoJb3JpZ2luX2VjE'.padEnd(300, 'A');
    const error = toAwsCallError('GetSessionToken', serviceError('ExpiredToken', 403, { message: `token ${token} expired` }));
    expect(error.awsCode).toBe('ExpiredToken');
    expect(error.message).toBe('GetSessionToken failed: ExpiredToken: token [redacted] expired');
    expect(error.awsMessage).toBe('token [redacted] expired');
    expect(JSON.stringify({ message: error.message, aws: error.awsMessage })).not.toContain(token);
  });

  it('passes an AwsCallError thrown inside the call through unchanged', () => {
    const inner = new AwsCallError('EmptyResponse', 'AssumeRole returned no credentials.');
    expect(toAwsCallError('AssumeRole', inner)).toBe(inner);
  });

  it('names what is not an Error at all an UnknownError', () => {
    expect(toAwsCallError('Op', 'a string')).toMatchObject({ awsCode: 'UnknownError', message: 'Op failed: UnknownError: a string' });
  });
});
