import { describe, expect, it } from 'vitest';
import { SdkCloudFormationGateway } from '../../../electron/node/aws/cloudformation.gateway';
import { SdkCloudFrontGateway } from '../../../electron/node/aws/cloudfront.gateway';
import { SdkS3Gateway } from '../../../electron/node/aws/s3.gateway';
import { SdkStsGateway } from '../../../electron/node/aws/sts.gateway';
import { AwsCallError } from '../../../shared/domain/aws-call-error';
import { useFaultProxy } from '../fixtures/fault-proxy';
import { createUserWithKey } from '../fixtures/iam';
import { useMoto } from '../fixtures/moto';

const TEMPLATE = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'faults-queue' } } } });
const TWENTY_MINUTES = 20 * 60_000;

async function failureOf(promise: Promise<unknown>): Promise<AwsCallError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(AwsCallError);
  return outcome as AwsCallError;
}

describe('AWS faults at the HTTP level (fault proxy in front of moto, the real SDK)', () => {
  useMoto();
  const proxy = useFaultProxy();
  /** What one service was asked (the IAM calls that set a test up pass the proxy too). */
  const callsTo = (service: string) => proxy.current.log.filter((entry) => entry.service === service);

  describe('STS', () => {
    it('a throttled GetCallerIdentity is retried after a backoff and succeeds', async () => {
      const user = await createUserWithKey('consultant');
      proxy.current.inject({ service: 'sts', action: 'GetCallerIdentity', times: 1, fault: { kind: 'throttle' } });

      const identity = await new SdkStsGateway().getCallerIdentity(user.credentials, 'us-east-1');

      expect(identity.arn).toBe(user.arn);
      const calls = proxy.current.log.filter((entry) => entry.action === 'GetCallerIdentity');
      expect(calls.map((entry) => entry.fault)).toEqual(['throttle', undefined]);
      // The SDK's standard strategy waits before retrying a throttle (base 500 ms for throttles, with jitter).
      expect(calls[1]!.at - calls[0]!.at).toBeGreaterThan(0);
    });

    it('AssumeRole, which may carry a one-time MFA code, is tried at most twice and then fails honestly as throttled', async () => {
      const user = await createUserWithKey('consultant');
      proxy.current.inject({ service: 'sts', action: 'AssumeRole', times: 5, fault: { kind: 'throttle' } });
      const started = Date.now();

      const failure = await failureOf(
        new SdkStsGateway().assumeRole(user.credentials, 'us-east-1', { roleArn: 'arn:aws:iam::123456789012:role/Any', roleSessionName: 'faults', tokenCode: '123456', serialNumber: 'arn:aws:iam::123456789012:mfa/consultant' }),
      );

      expect(failure.awsCode).toBe('Throttling');
      expect(failure.throttled).toBe(true);
      expect(failure.message).toMatch(/^AssumeRole failed: Throttling: Rate exceeded/);
      expect(proxy.current.log.filter((entry) => entry.action === 'AssumeRole')).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('a 500 then a good answer: AssumeRole succeeds on its one retry', async () => {
      const user = await createUserWithKey('consultant');
      proxy.current.inject({ service: 'sts', action: 'AssumeRole', times: 1, fault: { kind: 'server-error' } });

      const session = await new SdkStsGateway().assumeRole(user.credentials, 'us-east-1', { roleArn: 'arn:aws:iam::123456789012:role/Any', roleSessionName: 'faults' });

      expect(session.sessionToken).toBeTruthy();
      expect(proxy.current.log.filter((entry) => entry.action === 'AssumeRole').map((entry) => entry.fault)).toEqual(['server-error', undefined]);
    });

    it('a hung STS endpoint ends in a NetworkError within the request timeout, not a wait forever', async () => {
      const user = await createUserWithKey('consultant');
      proxy.current.inject({ service: 'sts', times: 5, fault: { kind: 'hang' } });
      const started = Date.now();

      const failure = await failureOf(new SdkStsGateway({ requestTimeoutMs: 1_000 }).getCallerIdentity(user.credentials, 'us-east-1'));

      expect(failure.awsCode).toBe('NetworkError');
      expect(proxy.current.log.filter((entry) => entry.fault === 'hang')).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(8_000);
    });

    it('a truncated answer is retried, and the retry succeeds', async () => {
      const user = await createUserWithKey('consultant');
      proxy.current.inject({ service: 'sts', times: 1, fault: { kind: 'truncated' } });

      const identity = await new SdkStsGateway().getCallerIdentity(user.credentials, 'us-east-1');

      expect(identity.arn).toBe(user.arn);
      expect(callsTo('sts').map((entry) => entry.fault)).toEqual(['truncated', undefined]);
    });

    it('a server clock 20 minutes ahead: the SDK reads its Date header, corrects its own clock offset, and the retry is accepted', async () => {
      const user = await createUserWithKey('consultant');
      proxy.current.skewClock(TWENTY_MINUTES);
      const sts = new SdkStsGateway();

      const identity = await sts.getCallerIdentity(user.credentials, 'us-east-1');
      const second = await sts.getCallerIdentity(user.credentials, 'us-east-1');

      expect(identity.arn).toBe(user.arn);
      expect(second.arn).toBe(user.arn);
      const [refused, corrected, later] = callsTo('sts');
      expect(refused!.fault).toBe('clock-skew');
      // The retry is signed with the server's time (systemClockOffset), and so is every later call.
      expect(Math.abs(corrected!.signedAt! - (corrected!.at + TWENTY_MINUTES))).toBeLessThan(5_000);
      expect(corrected!.fault).toBeUndefined();
      expect(later!.fault).toBeUndefined();
      expect(callsTo('sts')).toHaveLength(3);
    });
  });

  describe('CloudFormation', () => {
    it('two 503s in a row on DescribeStacks are retried within the SDK’s three attempts', async () => {
      const user = await createUserWithKey('deployer');
      proxy.current.inject({ service: 'cloudformation', action: 'DescribeStacks', times: 2, fault: { kind: 'server-error', status: 503 } });

      expect(await new SdkCloudFormationGateway().describeStack(user.credentials, 'eu-west-1', 'absent')).toBeNull();
      expect(callsTo('cloudformation').map((entry) => entry.fault)).toEqual(['server-error', 'server-error', undefined]);
    });

    it('a retried ExecuteChangeSet repeats its ClientRequestToken, so AWS runs the change set once', async () => {
      const user = await createUserWithKey('deployer');
      const cloudformation = new SdkCloudFormationGateway();
      const created = await cloudformation.createChangeSet(user.credentials, 'eu-west-1', {
        stackName: 'faults-stack',
        changeSetName: 'faults-1',
        changeSetType: 'CREATE',
        template: { body: TEMPLATE },
        parameters: [],
        capabilities: [],
        tags: [],
      });
      expect(created.kind).toBe('created');
      proxy.current.inject({ service: 'cloudformation', action: 'ExecuteChangeSet', times: 1, fault: { kind: 'server-error' } });

      await cloudformation.executeChangeSet(user.credentials, 'eu-west-1', { stackName: 'faults-stack', changeSetName: 'faults-1' }, { clientRequestToken: 'roledeck-faults-1' });

      const executions = proxy.current.log.filter((entry) => entry.action === 'ExecuteChangeSet');
      expect(executions.map((entry) => entry.fault)).toEqual(['server-error', undefined]);
      expect((await cloudformation.describeStack(user.credentials, 'eu-west-1', 'faults-stack'))?.status).toBe('CREATE_COMPLETE');
    });

    it('throttling that outlasts the SDK’s retries comes out marked as throttled (the watcher slows down on it)', async () => {
      const user = await createUserWithKey('deployer');
      proxy.current.inject({ service: 'cloudformation', times: 3, fault: { kind: 'throttle' } });

      const failure = await failureOf(new SdkCloudFormationGateway().describeStackEvents(user.credentials, 'eu-west-1', 'any'));

      expect(failure.throttled).toBe(true);
      expect(failure.awsCode).toBe('Throttling');
    });
  });

  describe('CloudFront and S3', () => {
    it('CloudFront: a throttle and a 500 are retried and the key list arrives', async () => {
      const user = await createUserWithKey('signer');
      proxy.current.inject({ service: 'cloudfront', times: 1, fault: { kind: 'throttle' } });
      proxy.current.inject({ service: 'cloudfront', times: 1, fault: { kind: 'server-error' } });

      expect(await new SdkCloudFrontGateway().listPublicKeys(user.credentials, 'us-east-1')).toEqual([]);
      expect(callsTo('cloudfront').map((entry) => entry.fault)).toEqual(['throttle', 'server-error', undefined]);
    });

    it('CloudFront that keeps failing with 503 gives an honest ServiceUnavailable after three attempts', async () => {
      const user = await createUserWithKey('signer');
      proxy.current.inject({ service: 'cloudfront', times: 10, fault: { kind: 'server-error', status: 503 } });

      const failure = await failureOf(new SdkCloudFrontGateway().listPublicKeys(user.credentials, 'us-east-1'));

      expect(failure.awsCode).toBe('ServiceUnavailable');
      expect(failure.httpStatus).toBe(503);
      expect(callsTo('cloudfront')).toHaveLength(3);
    });

    it('S3: SlowDown (503) and then a hung PUT are retried and the upload lands', async () => {
      const user = await createUserWithKey('uploader');
      const s3 = new SdkS3Gateway({ requestTimeoutMs: 1_000 });
      expect(await s3.ensureBucket(user.credentials, 'us-east-1', 'faults-bucket')).toBe('created');
      proxy.current.inject({ service: 's3', action: /^PUT /, times: 1, fault: { kind: 'throttle' } });
      proxy.current.inject({ service: 's3', action: /^PUT /, times: 1, fault: { kind: 'hang' } });

      await s3.putObject(user.credentials, 'us-east-1', { bucket: 'faults-bucket', key: 'a.txt', body: new TextEncoder().encode('hello'), contentType: 'text/plain' });
      const head = await s3.headObject(user.credentials, 'us-east-1', 'faults-bucket', 'a.txt');

      expect(head?.size).toBe(5);
      expect(callsTo('s3').filter((entry) => entry.action.startsWith('PUT /faults-bucket/a.txt')).map((entry) => entry.fault)).toEqual(['throttle', 'hang', undefined]);
    });

    it('S3 with a server clock 20 minutes behind: RequestTimeTooSkewed is corrected and the upload lands', async () => {
      const user = await createUserWithKey('uploader');
      const s3 = new SdkS3Gateway();
      await s3.ensureBucket(user.credentials, 'us-east-1', 'faults-skew');
      proxy.current.skewClock(-TWENTY_MINUTES);

      await s3.putObject(user.credentials, 'us-east-1', { bucket: 'faults-skew', key: 'b.txt', body: new TextEncoder().encode('skew'), contentType: 'text/plain' });

      const puts = proxy.current.log.filter((entry) => entry.action.startsWith('PUT /faults-skew/b.txt'));
      expect(puts.map((entry) => entry.fault)).toEqual(['clock-skew', undefined]);
    });
  });
});
