import { describe, expect, it } from 'vitest';
import { SdkIamGateway } from '../../../electron/node/aws/iam.gateway';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { setIamEnforcement, useMoto } from '../fixtures/moto';

const REGION = 'us-east-1';
const READ_IAM = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:GetRole'], Resource: '*' }] };

describe('SdkIamGateway against moto', () => {
  useMoto();
  const iam = new SdkIamGateway();

  it('tells the IAM user who it is when no name is given, and finds another user by name', async () => {
    const consultant = await createUserWithKey('consultant', READ_IAM);
    await createUserWithKey('colleague');
    await setIamEnforcement(true);

    expect(await iam.getUser(consultant.credentials, REGION)).toMatchObject({ userName: 'consultant', arn: consultant.arn, path: '/' });
    expect(await iam.getUser(consultant.credentials, REGION, 'colleague')).toMatchObject({ userName: 'colleague', arn: expect.stringMatching(/:user\/colleague$/) });
  });

  it('says there is no such user or role instead of failing', async () => {
    const consultant = await createUserWithKey('consultant', READ_IAM);
    expect(await iam.getUser(consultant.credentials, REGION, 'nobody')).toBeNull();
    expect(await iam.getRole(consultant.credentials, REGION, 'NoSuchRole')).toBeNull();
  });

  it("reads a role's trust policy as JSON and its longest session", async () => {
    const consultant = await createUserWithKey('consultant', READ_IAM);
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(consultant.arn, 'ext-1234'));

    const role = await iam.getRole(consultant.credentials, REGION, 'ExampleRoleName');

    expect(role).toMatchObject({ roleName: 'ExampleRoleName', arn: roleArn, maxSessionDurationSeconds: 3600 });
    expect(JSON.parse(role!.trustPolicy)).toEqual(trustPolicyFor(consultant.arn, 'ext-1234'));
  });

  it('reports a user without IAM read permissions as AccessDenied', async () => {
    const outsider = await createUserWithKey('outsider');
    await setIamEnforcement(true);

    const failure = await iam.getRole(outsider.credentials, REGION, 'ExampleRoleName').catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'AWS_ERROR', awsCode: 'AccessDenied', httpStatus: 403, message: expect.stringMatching(/^GetRole failed: AccessDenied: /) });
  });
});
