import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { createUserWithKey, iamClient, type TestUser } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, setIamEnforcement, useMoto } from '../fixtures/moto';
import { createStackLikeTheLink, deployLikeTheCommand, readQuickCreateLink } from './customer-admin';

/** moto's single account: ours and the customer's are the same account here. */
const MOTO_ACCOUNT = '123456789012';
let home: string;
let out: string;
const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint() });

async function addOurUser(user: TestUser): Promise<void> {
  const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId, '--region', 'us-east-1'], {
    env: env(),
    input: `${user.credentials.secretAccessKey}\n`,
  });
  expect(added.code).toBe(0);
}

/** Our side: attaches the policy `onboard` wrote for our user, exactly as written. */
async function attachOurPolicy(file: string): Promise<void> {
  const iam = iamClient();
  try {
    await iam.send(new PutUserPolicyCommand({ UserName: 'consultant', PolicyName: 'roledeck-onboarding', PolicyDocument: readFileSync(file, 'utf8') }));
  } finally {
    iam.destroy();
  }
}

const file = (name: string) => readFileSync(path.join(out, name), 'utf8');
const externalIdIn = (trustPolicy: string): string => JSON.parse(trustPolicy).Statement[0].Condition.StringEquals['sts:ExternalId'];

describe('roledeck onboard and customers (built CLI, moto, real keychain)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-onboard-cli-'));
    out = mkdtempSync(path.join(tmpdir(), 'roledeck-onboard-out-'));
  });
  // Other test files share this moto server: never leave IAM enforcement on.
  afterEach(() => setIamEnforcement(false));

  it('writes every artefact, and the customer’s stack from the deploy command lets the completed profile in (IAM enforced), then a wrong ExternalId is refused', async () => {
    const consultant = await createUserWithKey('consultant');
    await addOurUser(consultant);

    const onboard = await runCli(['onboard', 'Acme Ltd', '--role-name', 'RoledeckAccess', '--purpose', 'deploy', '--duration', '7200', '--out', out], { env: env() });

    expect(onboard.stderr).toContain('Acme Ltd: invited.');
    expect(onboard.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['deploy-command.sh', 'our-iam-policy.json', 'permissions-policy.json', 'roledeck-RoledeckAccess.yaml', 'setup-acme-ltd.html', 'setup-acme-ltd.md', 'trust-policy.json']);
    const externalId = externalIdIn(file('trust-policy.json'));
    expect(externalId).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(JSON.parse(file('trust-policy.json')).Statement[0].Principal).toEqual({ AWS: consultant.arn });
    expect(file('deploy-command.sh')).toContain(`ExternalId=${externalId}`);
    expect(file('setup-acme-ltd.md')).toContain(externalId);

    // The customer runs the deploy command on the template; we attach the policy written for us.
    const stack = await deployLikeTheCommand(file('roledeck-RoledeckAccess.yaml'), file('deploy-command.sh').trim());
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    await attachOurPolicy(path.join(out, 'our-iam-policy.json'));
    await setIamEnforcement(true);

    const complete = await runCli(['onboard', 'complete', 'acme ltd', '--account-id', '1234-5678-9012'], { env: env() });

    expect(complete.stdout).toBe('✓ Acme Ltd: access verified (acme-ltd)\n');
    expect(complete.stderr).toContain(`Created the profile "acme-ltd" for arn:aws:iam::${MOTO_ACCOUNT}:role/RoledeckAccess.`);
    expect(complete.code).toBe(0);
    const shown = JSON.parse((await runCli(['profile', 'show', 'acme-ltd', '--json'], { env: env() })).stdout);
    expect(shown).toMatchObject({ roleArn: `arn:aws:iam::${MOTO_ACCOUNT}:role/RoledeckAccess`, externalId, durationSeconds: 7200, sourceName: 'consultant', label: 'Acme Ltd' });
    const listed = await runCli(['customers', '--json'], { env: env() });
    expect(JSON.parse(listed.stdout).customers).toEqual([expect.objectContaining({ customerName: 'Acme Ltd', status: 'verified', lastVerifiedAt: expect.any(Number) })]);

    // A new ExternalId on our side only: the profile now sends one the role's trust policy does not have.
    await setIamEnforcement(false);
    const reissued = await runCli(['onboard', 'Acme Ltd', '--role-name', 'RoledeckAccess', '--purpose', 'deploy', '--duration', '7200', '--new-external-id', '--out', out], { env: env() });
    expect(reissued.stderr).toContain('a new ExternalId: the customer must set the role up again');
    await setIamEnforcement(true);
    const refused = await runCli(['onboard', 'complete', 'Acme Ltd', '--role-arn', `arn:aws:iam::${MOTO_ACCOUNT}:role/RoledeckAccess`], { env: env() });

    expect(refused.code).toBe(5);
    expect(refused.stdout).toContain('✗ Acme Ltd: Our ExternalId for this customer changed (acme-ltd)');
    expect(refused.stderr).toContain('AWS said: AccessDenied');
    const table = await runCli(['customers'], { env: env() });
    expect(table.stdout).toMatch(/Acme Ltd\s+role created\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+arn:aws:iam::123456789012:role\/RoledeckAccess\s+acme-ltd/);
  });

  it('uploads the quick-create template to our bucket in moto and links to it with the stack name and the ExternalId; the stack it creates lets us in', async () => {
    const consultant = await createUserWithKey('consultant');
    await addOurUser(consultant);

    const onboard = await runCli(['onboard', 'Globex', '--role-name', 'RoledeckAccess', '--mfa', '--out', out, '--s3-bucket', 'our-onboarding', '--quick-create', '--json'], { env: env() });

    expect(onboard.code).toBe(0);
    const result = JSON.parse(onboard.stdout) as { quickCreate: { url: string; validUntil: number; limitedBy: string; validity: string; warning?: string } };
    const externalId = externalIdIn(file('trust-policy.json'));
    const link = readQuickCreateLink(result.quickCreate.url);
    expect(new URL(result.quickCreate.url).origin).toBe('https://us-east-1.console.aws.amazon.com');
    expect(link).toMatchObject({ region: 'us-east-1', stackName: 'roledeck-RoledeckAccess', parameters: { ExternalId: externalId } });
    // Signed with the IAM user's own keys: the link lasts SigV4's full 7 days, and says so.
    expect(result.quickCreate.limitedBy).toBe('requested');
    expect(result.quickCreate.validUntil - Date.now()).toBeGreaterThan(7 * 86_400_000 - 120_000);
    expect(result.quickCreate.validity).toMatch(/^The link works until \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    expect(result.quickCreate.warning).toMatch(/AWS_ENDPOINT_URL/);
    expect(file('quick-create-link.txt')).toContain(result.quickCreate.url);
    expect(file('setup-globex.html')).toContain('this quick-create link');

    // The object behind the presigned URL exists in moto's S3, and it is the template with the ExternalId visible.
    const template = await fetch(link.templateUrl);
    expect(template.status).toBe(200);
    const body = await template.text();
    expect(body).toContain('ExternalId:');
    expect(body).not.toContain('NoEcho');
    expect(body).toContain('aws:MultiFactorAuthPresent');

    const stack = await createStackLikeTheLink({ region: link.region, stackName: link.stackName, templateBody: body, externalId: link.parameters.ExternalId! });
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
  });

  it('refuses bad input with the flag and the reason, writing nothing', async () => {
    const consultant = await createUserWithKey('consultant');
    await addOurUser(consultant);
    const policy = path.join(out, '..', `broken-${path.basename(out)}.json`);
    writeFileSync(policy, '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow" "Action": "s3:*" }\n  ]\n}\n');
    await runCli(['profile', 'add-user', 'other', '--access-key-id', 'AKIAIOSFODNN7OTHER00'], { env: env(), input: `${consultant.credentials.secretAccessKey}\n` });

    const badRole = await runCli(['onboard', 'Acme', '--source', 'consultant', '--role-name', 'Roledeck Access', '--out', out], { env: env() });
    const badJson = await runCli(['onboard', 'Acme', '--source', 'consultant', '--role-name', 'RoledeckAccess', '--purpose', 'custom', '--policy-file', policy, '--out', out], { env: env() });
    const badAccount = await runCli(['onboard', 'Acme', '--source', 'consultant', '--role-name', 'RoledeckAccess', '--customer-account-id', '12345678901', '--out', out], { env: env() });
    const noSource = await runCli(['onboard', 'Acme', '--role-name', 'RoledeckAccess', '--out', out], { env: env() });

    expect(badRole).toMatchObject({ code: 6, stderr: expect.stringMatching(/--role-name: .*space/) });
    expect(badJson).toMatchObject({ code: 6, stderr: expect.stringContaining('--policy-file: the policy is not valid JSON at line 4, column 25') });
    expect(badAccount).toMatchObject({ code: 6, stderr: expect.stringMatching(/--customer-account-id: .*11 digits/) });
    expect(noSource).toMatchObject({ code: 6, stderr: expect.stringContaining('--source: say which of your profiles will use the role (consultant, other)') });
    expect(readdirSync(out)).toEqual([]);
    expect(JSON.parse((await runCli(['customers', '--json'], { env: env() })).stdout).customers).toEqual([]);
  });
});
