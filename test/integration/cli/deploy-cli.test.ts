import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliPath, ensureCliBuilt, runCli } from '../fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, setIamEnforcement, useMoto } from '../fixtures/moto';
import { Terminal } from '../fixtures/terminal';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
const IDENTITY = 'arn:aws:sts::123456789012:assumed-role/Deployer/roledeck-consultant';
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Roledeck CLI test queue
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
  Retention:
    Type: String
    AllowedPattern: '[0-9]+'
    Default: '345600'
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub 'roledeck-\${Env}'
      MessageRetentionPeriod: !Ref Retention
Outputs:
  QueueName:
    Value: !GetAtt Queue.QueueName
`;

let home: string;
let work: string;
const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: motoEndpoint(), ROLEDECK_NO_AGENT: '1' });
const file = (name: string, text: string) => {
  const at = path.join(work, name);
  writeFileSync(at, text);
  return at;
};
const deploy = (...args: string[]) => runCli(['deploy', 'acme-test', ...args], { env: env() });

async function stackParameters(name: string): Promise<Record<string, string>> {
  const client = new CloudFormationClient({ region: 'eu-west-1', endpoint: motoEndpoint(), credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' } });
  try {
    const out = await client.send(new DescribeStacksCommand({ StackName: name }));
    return Object.fromEntries((out.Stacks?.[0]?.Parameters ?? []).map((parameter) => [parameter.ParameterKey, parameter.ParameterValue]));
  } finally {
    client.destroy();
  }
}

async function addProfiles(extra: string[] = []): Promise<void> {
  const user = await createUserWithKey('consultant', ASSUME_ANY);
  const roleArn = await createRole('Deployer', trustPolicyFor(user.arn));
  const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId], { env: env(), input: `${user.credentials.secretAccessKey}\n` });
  expect(added.code).toBe(0);
  const role = await runCli(['profile', 'add-role', 'acme-test', '--source', 'consultant', '--role-arn', roleArn, '--region', 'eu-west-1', '--label', 'Acme', ...extra], { env: env() });
  expect(role.code).toBe(0);
}

describe('roledeck deploy (built CLI, moto, the assumed role’s session, real keychain)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-deploy-cli-'));
    work = mkdtempSync(path.join(tmpdir(), 'roledeck-deploy-files-'));
  });

  it('creates, updates from a JSON parameters file, says "up to date" for a KEY=VALUE file with the same values, deletes, and keeps the history', async () => {
    await addProfiles();
    const template = file('queue.yaml', TEMPLATE);

    const created = await deploy(template, '--stack-name', 'acme-queue', '--parameter', 'Env=dev', '--tag', 'team=web', '--yes');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Deploying stack acme-queue in account 123456789012 (Acme), region eu-west-1');
    expect(created.stdout).toContain(`as ${IDENTITY} (profile acme-test)`);
    expect(created.stdout).toMatch(/Change set roledeck-\d+ \(new stack\): 1 to add\n\s+ACTION\s+LOGICAL ID\s+PHYSICAL ID\s+TYPE\s+REPLACEMENT\n\s+Add\s+Queue\s+-\s+AWS::SQS::Queue\s+-/);
    expect(created.stdout).toMatch(/acme-queue {2}AWS::CloudFormation::Stack {2}CREATE_IN_PROGRESS.*\n.*acme-queue {2}AWS::CloudFormation::Stack {2}CREATE_COMPLETE/);
    expect(created.stdout).toMatch(/CREATE_COMPLETE: acme-queue in 0:0\d/);
    expect(created.code).toBe(0);
    expect(await stackParameters('acme-queue')).toMatchObject({ Env: 'dev' });

    const json = file('prod.json', JSON.stringify([{ ParameterKey: 'Env', ParameterValue: 'prod' }, { ParameterKey: 'Retention', ParameterValue: '86400' }]));
    const updated = await deploy(template, '--stack-name', 'acme-queue', '--parameters-file', json, '--yes');
    expect(updated.stdout).toMatch(/Change set roledeck-\d+ \(update\)/);
    expect(updated.stdout).toMatch(/UPDATE_COMPLETE: acme-queue/);
    expect(updated.code).toBe(0);
    expect(await stackParameters('acme-queue')).toMatchObject({ Env: 'prod', Retention: '86400' });

    const lines = file('prod.env', '# the same values\nEnv=prod\nRetention = 86400\n');
    const again = await deploy(template, '--stack-name', 'acme-queue', '--parameters-file', lines, '--yes', '--json');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Up to date: acme-queue has nothing to change');
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'no-changes', stackName: 'acme-queue', target: { accountId: '123456789012', identityArn: IDENTITY } });

    const deleted = await runCli(['deploy', 'delete', 'acme-test', '--stack-name', 'acme-queue', '--yes'], { env: env() });
    expect(deleted.stdout).toContain('Deleting stack acme-queue in account 123456789012 (Acme), region eu-west-1');
    expect(deleted.stdout).toMatch(/DELETE_IN_PROGRESS[\s\S]*DELETE_COMPLETE: acme-queue/);
    expect(deleted.code).toBe(0);
    await expect(stackParameters('acme-queue')).rejects.toThrow(/does not exist/);

    const history = await runCli(['deploy', 'history', 'acme-test', '--json'], { env: env() });
    const runs = (JSON.parse(history.stdout) as { runs: Array<{ operation: string; status: string; changeCount: number; identityArn: string; durationMs: number }> }).runs;
    expect(runs.map((run) => `${run.operation} ${run.status}`)).toEqual(['delete succeeded', 'update no-changes', 'update succeeded', 'create succeeded']);
    expect(runs.every((run) => run.identityArn === IDENTITY && run.durationMs >= 0)).toBe(true);
    expect(runs.at(-1)?.changeCount).toBe(1);
    const table = await runCli(['deploy', 'history', 'acme-test'], { env: env() });
    expect(table.stdout).toMatch(/^WHEN\s+OPERATION\s+STACK\s+STATUS\s+DURATION\s+CHANGES\s+ACCOUNT\s+REGION\s+IDENTITY\n/);
    expect(table.stdout).toMatch(/create\s+acme-queue\s+succeeded \(CREATE_COMPLETE\)\s+0:0\d\s+1\s+123456789012\s+eu-west-1/);
  });

  it('off a terminal without --yes it stops after the change set and says so; --no-execute keeps it on purpose; the next deploy cleans the stack under review up', async () => {
    await addProfiles();
    const template = file('queue.yaml', TEMPLATE);

    const unconfirmed = await deploy(template, '--stack-name', 'acme-queue', '--parameter', 'Env=dev');
    expect(unconfirmed.stdout).toMatch(/Not executed: there is no terminal to confirm on\. Change set roledeck-\d+ is kept; run again with --yes to execute it\./);
    expect(unconfirmed.code).toBe(1);
    const kept = await deploy(template, '--stack-name', 'acme-queue', '--parameter', 'Env=dev', '--no-execute');
    expect(kept.stdout).toMatch(/Kept change set roledeck-\d+; nothing was executed/);
    expect(kept.code).toBe(0);

    const created = await deploy(template, '--stack-name', 'acme-queue', '--parameter', 'Env=dev', '--yes');
    expect(created.stdout).toMatch(/\(new stack\)[\s\S]*CREATE_COMPLETE: acme-queue/);
    expect(created.code).toBe(0);
    const again = await deploy(template, '--stack-name', 'acme-queue', '--parameter', 'Env=dev', '--yes');
    expect(again.stdout).toContain('Up to date');
  });

  it('a template over 51,200 bytes goes through the S3 bucket given', async () => {
    await addProfiles();
    const big = file('big.yaml', `${TEMPLATE}${`# ${'padding '.repeat(12)}\n`.repeat(600)}`);

    const refused = await deploy(big, '--stack-name', 'acme-big', '--parameter', 'Env=dev', '--yes');
    expect(refused.stderr).toMatch(/over the 51,200 bytes CloudFormation takes directly\. Name an S3 bucket/);
    expect(refused.code).toBe(6);

    const created = await deploy(big, '--stack-name', 'acme-big', '--parameter', 'Env=dev', '--s3-bucket', 'acme-templates', '--yes');
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/CREATE_COMPLETE: acme-big/);
    expect(created.code).toBe(0);
  });

  it.each([
    ['unparseable YAML: line and column', ['bad.yaml', 'Resources:\n  Queue:\n    Type: [unclosed\n'], [], /bad\.yaml: The template is not valid YAML or JSON \(line \d+, column \d+\)/],
    ['an unknown short-form tag', ['tag.yaml', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sup q\n'], [], /!Sup/],
    ['a value outside AllowedValues', ['queue.yaml', TEMPLATE], ['--parameter', 'Env=staging'], /Env "staging" is not allowed: use one of dev, prod/],
    ['a parameters file line without =', ['queue.yaml', TEMPLATE], ['--parameters-file', 'PARAMS'], /--parameters-file .*: line 2: expected Name=value, found "Retention"/],
    ['a stack name that breaks the rules', ['queue.yaml', TEMPLATE], ['--parameter', 'Env=dev', '--stack-name', 'acme_queue'], /"acme_queue" cannot be a stack name: a stack name is 1–128 letters, digits and hyphens/],
    ['a template over 1 MB', ['huge.yaml', `${TEMPLATE}${'#'.repeat(1_100_000)}\n`], ['--parameter', 'Env=dev'], /The template is 1,10\d,\d{3} bytes; CloudFormation accepts at most 1 MB/],
  ])('refuses %s with exit 6, before any AWS call', async (_case, [name, text], extra, message) => {
    await addProfiles();
    const template = file(name!, text!);
    const params = file('params.env', 'Env=dev\nRetention\n');
    const args = extra.map((word) => (word === 'PARAMS' ? params : word));
    const stackName = args.includes('--stack-name') ? [] : ['--stack-name', 'acme-queue'];
    await setIamEnforcement(true); // any AWS call would now be refused: exit 6 proves none was made

    const result = await deploy(template, ...stackName, ...args, '--yes');

    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(6);
    expect(result.stdout).toBe('');
  });

  it('names a bad template first (exit 6), even for a profile that is not there, and nothing else', async () => {
    const result = await deploy(file('tag.yaml', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sup q\n'), '--stack-name', 'acme-queue', '--yes');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/!Sup/);
    expect(result.code).toBe(6);
  });

  it('refuses a missing required parameter by name with exit 6, before creating anything (an existing stack would keep its value)', async () => {
    await addProfiles();
    const result = await deploy(file('queue.yaml', TEMPLATE), '--stack-name', 'acme-queue', '--yes');
    expect(result.stderr).toMatch(/Env needs a value: the template gives it no default\. Allowed: dev, prod\./);
    expect(result.code).toBe(6);
    await expect(stackParameters('acme-queue')).rejects.toThrow(/does not exist/);
  });

  it('a production profile needs the account ID typed (exit 6 without it, nothing created); with it the deploy runs', async () => {
    await addProfiles(['--production']);
    const template = file('queue.yaml', TEMPLATE);

    const refused = await deploy(template, '--stack-name', 'acme-queue', '--parameter', 'Env=dev', '--yes');
    expect(refused.stdout).toContain('PRODUCTION');
    expect(refused.stderr).toMatch(/acme-test is a production profile: deploying acme-queue in account 123456789012 \(eu-west-1\) needs that account ID typed to confirm/);
    expect(refused.code).toBe(6);
    await expect(stackParameters('acme-queue')).rejects.toThrow(/does not exist/);

    const wrong = await deploy(template, '--stack-name', 'acme-queue', '--parameter', 'Env=dev', '--yes', '--confirm-account', '999999999999');
    expect(wrong.stderr).toMatch(/not the account this deploy targets/);
    expect(wrong.code).toBe(6);

    const typed = await deploy(template, '--stack-name', 'acme-queue', '--parameter', 'Env=dev', '--yes', '--confirm-account', '1234-5678-9012');
    expect(typed.code).toBe(0);
    const deleteRefused = await runCli(['deploy', 'delete', 'acme-test', '--stack-name', 'acme-queue', '--yes'], { env: env() });
    expect(deleteRefused.code).toBe(6);
    const deleted = await runCli(['deploy', 'delete', 'acme-test', '--stack-name', 'acme-queue', '--yes', '--confirm-account', '123456789012'], { env: env() });
    expect(deleted.code).toBe(0);
  });

  it('AWS refusing the deploy exits 5 with AWS’s words; deleting a stack that is not there exits 3', async () => {
    await addProfiles();
    const template = file('queue.yaml', TEMPLATE);
    const missing = await runCli(['deploy', 'delete', 'acme-test', '--stack-name', 'nothing-here', '--yes'], { env: env() });
    expect(missing.stderr).toContain('There is no stack named nothing-here in account 123456789012 (eu-west-1)');
    expect(missing.code).toBe(3);

    // With IAM enforcement on, the role may be assumed (the user's policy allows it) but has no CloudFormation permissions.
    await setIamEnforcement(true);
    const refused = await deploy(template, '--stack-name', 'acme-queue', '--parameter', 'Env=dev', '--yes');
    expect(refused.stderr).toMatch(/AccessDenied|not authorized/);
    expect(refused.code).toBe(5);
  });

  describe('on a terminal', () => {
    const terminal = new Terminal('deploy');
    afterEach(() => terminal.close());

    it('asks before executing, then shows each event and the end without the pipe’s counters; "n" deletes the change set', async () => {
      await addProfiles();
      const template = file('queue.yaml', TEMPLATE);
      const run = (stack: string) =>
        `ROLEDECK_HOME='${home}' AWS_ENDPOINT_URL='${motoEndpoint()}' ROLEDECK_NO_AGENT=1 '${process.execPath}' '${cliPath}' deploy acme-test '${template}' --stack-name ${stack} --parameter Env=dev; echo "exit=$?"; sleep 30`;

      terminal.start('deploy', run('acme-tty'), { width: 200, height: 40 });
      const asked = await terminal.waitFor('deploy', '[y/N]');
      expect(asked).toContain('Execute this change set on acme-tty in account 123456789012 (eu-west-1)? [y/N]');
      terminal.type('deploy', 'y', 'Enter');
      const done = await terminal.waitFor('deploy', 'exit=');
      expect(done).toMatch(/acme-tty {2}AWS::CloudFormation::Stack {2}CREATE_COMPLETE\n/);
      expect(done).not.toMatch(/\[\d+\/\d+\]/);
      expect(done).toContain('CREATE_COMPLETE: acme-tty in 0:0');
      expect(done).toContain('exit=0');
      terminal.end('deploy');

      terminal.start('deploy', run('acme-declined'), { width: 200, height: 40 });
      await terminal.waitFor('deploy', '[y/N]');
      terminal.type('deploy', 'n', 'Enter');
      const declined = await terminal.waitFor('deploy', 'exit=');
      expect(declined).toContain('Cancelled: nothing was deployed, and the change set was deleted.');
      expect(declined).toContain('exit=1');
      await expect(stackParameters('acme-declined')).rejects.toThrow(/does not exist/);
    });
  });
});
