/**
 * AWS behaviour moto does not reproduce (a missing ExternalId, MFA codes, DurationSeconds limits,
 * expired tokens, disabled regions), played with canned SDK responses on the real SdkStsGateway.
 * Everything else is real: the Secret Service keychain and the encrypted profile store.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
  STSServiceException,
} from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/node/app/services';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { CODE_REJECTED_PROBLEM, CODE_REUSED_PROBLEM } from '../../../electron/node/sessions/mfa-broker';
import { ScriptedMfaPrompter } from '../../fakes/scripted.mfa-prompter';
import { requireKeyringSession } from '../fixtures/keyring';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const DEVICE = 'arn:aws:iam::111111111111:mfa/consultant';
const ROLE_ARN = 'arn:aws:iam::222222222222:role/ExampleRoleName';
const NOT_AUTHORIZED = `User: arn:aws:iam::111111111111:user/consultant is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`;

function awsFault(name: string, message: string, status = 400): STSServiceException {
  return new STSServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message });
}

function credentials(tag: string, hours = 1) {
  return {
    AccessKeyId: `ASIA${tag.toUpperCase().padEnd(16, 'X')}`,
    SecretAccessKey: `${tag}-secret`.padEnd(40, 'x'),
    SessionToken: `${tag}-token-${'t'.repeat(200)}`,
    Expiration: new Date(Date.now() + hours * 3600_000),
  };
}

const sts = mockClient(STSClient);

function realRoledeck() {
  const prompter = new ScriptedMfaPrompter();
  const ports = {
    ...createNodePorts({
      home: mkdtempSync(path.join(tmpdir(), 'roledeck-canned-')),
      logger: new StreamLogger(() => undefined),
      runtime: { name: 'Roledeck', version: 'test', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } },
    }),
    mfaPrompter: prompter,
  };
  return { prompter, services: createServices(ports) };
}

describe('AWS behaviour moto lacks, on the real gateway with canned STS answers', () => {
  beforeAll(() => requireKeyringSession());
  beforeEach(() => {
    sts.reset();
    sts.on(GetCallerIdentityCommand).resolves({ Account: '222222222222', Arn: 'arn:aws:sts::222222222222:assumed-role/ExampleRoleName/roledeck-consultant', UserId: 'AROAEXAMPLE:roledeck-consultant' });
  });
  afterEach(() => sts.reset());

  it('AWS refuses a role that requires an ExternalId when none is sent', async () => {
    const { services } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn: ROLE_ARN });
    sts.on(AssumeRoleCommand).rejects(awsFault('AccessDenied', NOT_AUTHORIZED, 403));

    const result = await services.sessions.testAccess('acme-prod');

    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input.ExternalId).toBeUndefined();
    expect(result).toMatchObject({ ok: false, cause: 'trust-policy', awsCode: 'AccessDenied', awsMessage: NOT_AUTHORIZED });
    if (!result.ok) expect(result.explanation).toMatch(/requires an ExternalId and acme-prod has none set — check step 2 of the customer setup/);
  });

  it('AWS refuses a role whose trust policy requires MFA when the profile sends none', async () => {
    const { services } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn: ROLE_ARN, externalId: 'ext-1234' });
    sts.on(AssumeRoleCommand).rejects(awsFault('AccessDenied', NOT_AUTHORIZED, 403));

    const result = await services.sessions.testAccess('acme-prod');

    expect(result).toMatchObject({ ok: false, cause: 'external-id' });
    if (!result.ok) expect(result.explanation).toMatch(/may also require MFA/);
  });

  it('AWS rejects a wrong MFA code; the next code finishes the same sign-in', async () => {
    const { services, prompter } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, mfaSerial: DEVICE });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn: ROLE_ARN });
    sts
      .on(GetSessionTokenCommand, { TokenCode: '000000' })
      .rejects(awsFault('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ', 403))
      .on(GetSessionTokenCommand, { TokenCode: '123456' })
      .resolves({ Credentials: credentials('mfa', 12) })
      .on(AssumeRoleCommand)
      .resolves({ Credentials: credentials('role') });
    prompter.codes = ['000000', '123456'];

    const view = await services.sessions.start('acme-prod');

    expect(view).toMatchObject({ state: 'active', kind: 'role' });
    expect(prompter.shown.map((prompt) => [prompt.attempt, prompt.problem])).toEqual([
      [1, undefined],
      [2, CODE_REJECTED_PROBLEM],
    ]);
    expect(sts.commandCalls(GetSessionTokenCommand).map((call) => call.args[0].input)).toEqual([
      { DurationSeconds: 43_200, SerialNumber: DEVICE, TokenCode: '000000' },
      { DurationSeconds: 43_200, SerialNumber: DEVICE, TokenCode: '123456' },
    ]);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
  });

  it('AWS accepts an MFA code once: a code just used is refused before it reaches AWS', async () => {
    const { services, prompter } = realRoledeck();
    const user = await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, mfaSerial: DEVICE });
    sts.on(GetSessionTokenCommand).resolves({ Credentials: credentials('mfa', 12) });
    prompter.codes = ['111111'];
    await services.sessions.start(user.id);

    prompter.codes = ['111111', '222222'];
    await services.sessions.refresh(user.id);

    expect(prompter.shown.at(-1)).toMatchObject({ attempt: 2, problem: CODE_REUSED_PROBLEM });
    expect(sts.commandCalls(GetSessionTokenCommand).map((call) => call.args[0].input.TokenCode)).toEqual(['111111', '222222']);
  });

  it('AWS refuses DurationSeconds over the role’s maximum session duration', async () => {
    const { services } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn: ROLE_ARN, durationSeconds: 43_200 });
    sts.on(AssumeRoleCommand).rejects(awsFault('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'));

    const result = await services.sessions.testAccess('acme-prod');

    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input.DurationSeconds).toBe(43_200);
    expect(result).toMatchObject({ ok: false, cause: 'duration', awsCode: 'ValidationError' });
    if (!result.ok) expect(result.explanation).toMatch(/asks for a 12 h session, more than the role's maximum session duration/);
  });

  it('AWS refuses a call signed with an expired session token (ExpiredToken)', async () => {
    const { services } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn: ROLE_ARN });
    sts.on(AssumeRoleCommand).resolves({ Credentials: credentials('role') });
    sts.on(GetCallerIdentityCommand).rejects(awsFault('ExpiredToken', 'The security token included in the request is expired', 403));

    const result = await services.sessions.testAccess('acme-prod');

    expect(result).toMatchObject({ ok: false, cause: 'session-expired', awsCode: 'ExpiredToken', failedAt: 'acme-prod' });
  });

  it('AWS denies AssumeRole to a user whose own policy does not allow it (AccessDenied)', async () => {
    const { services } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn: ROLE_ARN });
    sts.on(AssumeRoleCommand).rejects(awsFault('AccessDenied', `${NOT_AUTHORIZED} because no identity-based policy allows the sts:AssumeRole action`, 403));

    const error = await services.sessions.start('acme-prod').then(
      () => undefined,
      (failure: unknown) => failure,
    );

    expect(error).toMatchObject({ code: 'AWS_ERROR', awsCode: 'AccessDenied', message: expect.stringMatching(/a policy on your side/) });
  });

  it('STS is not activated in the profile’s region (RegionDisabledException), and the call went to that region', async () => {
    const { services } = realRoledeck();
    await services.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    await services.profiles.addRole({ name: 'acme-prod', source: 'consultant', roleArn: ROLE_ARN, region: 'me-south-1' });
    sts.on(AssumeRoleCommand).rejects(awsFault('RegionDisabledException', 'STS is not activated in this region for account:222222222222. Your account administrator can activate STS in this region using the IAM Console.', 403));

    const result = await services.sessions.testAccess('acme-prod');

    const client = sts.commandCalls(AssumeRoleCommand)[0]?.thisValue as STSClient;
    expect(await client.config.region()).toBe('me-south-1');
    expect(result).toMatchObject({ ok: false, cause: 'region-disabled' });
  });
});
