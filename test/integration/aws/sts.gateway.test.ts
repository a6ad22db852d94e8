import { describe, expect, it } from 'vitest';
import { SdkStsGateway } from '../../../electron/node/aws/sts.gateway';
import { AwsCallError } from '../../../shared/domain/aws-call-error';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { setIamEnforcement, useMoto } from '../fixtures/moto';

describe('SdkStsGateway against moto', () => {
  useMoto();
  const sts = new SdkStsGateway();

  it('tells the IAM user who it is', async () => {
    const user = await createUserWithKey('consultant');
    const identity = await sts.getCallerIdentity(user.credentials, 'eu-west-1');
    expect(identity.arn).toBe(user.arn);
  });

  it('assumes a customer role with its ExternalId and acts as that role', async () => {
    const user = await createUserWithKey('consultant', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
    });
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));
    await setIamEnforcement(true);

    const session = await sts.assumeRole(user.credentials, 'us-east-1', {
      roleArn,
      roleSessionName: 'roledeck-test',
      externalId: 'ext-1234',
      durationSeconds: 900,
    });
    expect(session.sessionToken).toBeTruthy();
    expect(session.expiresAt).toBeGreaterThan(Date.now());

    const identity = await sts.getCallerIdentity(session, 'us-east-1');
    expect(identity.arn).toMatch(/:assumed-role\/ExampleRoleName\/roledeck-test$/);
  });

  it('reports a wrong ExternalId as an AWS AccessDenied error without echoing secrets', async () => {
    const user = await createUserWithKey('consultant', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
    });
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));
    await setIamEnforcement(true);

    const failure = await sts
      .assumeRole(user.credentials, 'us-east-1', { roleArn, roleSessionName: 'roledeck-test', externalId: 'wrong-id' })
      .then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(AwsCallError);
    expect((failure as AwsCallError).awsCode).toBe('AccessDenied');
    expect((failure as AwsCallError).message).not.toContain(user.credentials.secretAccessKey);
  });
});
