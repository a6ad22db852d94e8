import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliPath, ensureCliBuilt } from '../integration/fixtures/cli';
import { locateAwsCli } from '../integration/fixtures/aws-cli';
import { ensureCliSeaBuilt } from '../integration/fixtures/cli-sea';
import { startMoto } from '../integration/fixtures/moto-server';
import { median, type Figure } from './harness';

const ROUNDS = 7;

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: Roledeck deploy benchmark
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub '\${AWS::StackName}-\${Env}'
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub '\${AWS::StackName}-\${Env}'
Outputs:
  QueueUrl:
    Value: !Ref Queue
`;

/** Wall time of one command, from start to its exit ("complete"); a failure stops the bench. */
function wallMs(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.slice(0, 3).join(' ')} failed (${result.status}): ${result.stderr.toString()}`);
  return elapsed;
}

/**
 * `roledeck deploy --yes` (the npm package, and the single executable where one can be built)
 * against `aws cloudformation deploy` (Debian's AWS CLI v2, which needs --endpoint-url), the same
 * template into the same moto server in the same run, with the same assumed-role session: a new
 * stack, then an update of it. Rounds rotate the tools so a machine that slows down mid-run slows
 * them all. The AWS CLI's waiters poll every 5–30 s; Roledeck
 * polls at once, then from 250 ms (budget: ≤ 0.25× the AWS CLI's time).
 */
export async function benchDeploy(): Promise<Figure[]> {
  if (process.env.ROLEDECK_TEST_KEYRING !== '1') throw new Error('run through `npm run bench`: it needs the private keyring session');
  await ensureCliBuilt();
  const awsCli = locateAwsCli();
  const moto = await startMoto();
  try {
    const { createRole, createUserWithKey, trustPolicyFor } = await import('../integration/fixtures/iam');
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    const user = await createUserWithKey('bench', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    const roleArn = await createRole('BenchDeployer', trustPolicyFor(user.arn));
    const work = mkdtempSync(path.join(tmpdir(), 'roledeck-deploy-bench-'));
    const template = path.join(work, 'bench.yaml');
    writeFileSync(template, TEMPLATE);
    const env: NodeJS.ProcessEnv = { ...process.env, ROLEDECK_HOME: work, AWS_ENDPOINT_URL: moto.endpoint, ROLEDECK_NO_AGENT: '1' };
    const cli = (args: string[], input?: string) => spawnSync(process.execPath, [cliPath, ...args], { env, input: input ?? '' });
    cli(['profile', 'add-user', 'bench', '--access-key-id', user.credentials.accessKeyId], `${user.credentials.secretAccessKey}\n`);
    cli(['profile', 'add-role', 'bench-role', '--source', 'bench', '--role-arn', roleArn, '--region', 'us-east-1']);
    // One session for both tools: Roledeck's is cached in the keychain, the AWS CLI gets it exported.
    const exported = cli(['export', 'bench-role', '--format', 'json']);
    if (exported.status !== 0) throw new Error(`could not start the bench session: ${exported.stderr.toString()}`);
    const session = JSON.parse(exported.stdout.toString()) as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    const awsEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: work,
      AWS_ACCESS_KEY_ID: session.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: session.SecretAccessKey,
      AWS_SESSION_TOKEN: session.SessionToken,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: path.join(work, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'none'),
    };
    const deployArgs = (stack: string, value: string) => ['deploy', 'bench-role', template, '--stack-name', stack, '--parameter', `Env=${value}`, '--yes'];
    // Both forms a user runs: the npm package on their Node, and the single executable the app ships.
    const sea = process.platform === 'linux' && process.arch === 'x64' ? path.join(await ensureCliSeaBuilt(), 'roledeck') : null;
    const tools: Record<string, (stack: string, value: string) => number> = {
      npm: (stack, value) => wallMs(process.execPath, [cliPath, ...deployArgs(stack, value)], env),
      ...(sea ? { sea: (stack: string, value: string) => wallMs(sea, deployArgs(stack, value), env) } : {}),
      aws: (stack, value) =>
        wallMs(
          awsCli.path,
          ['--endpoint-url', moto.endpoint, 'cloudformation', 'deploy', '--template-file', template, '--stack-name', stack, '--parameter-overrides', `Env=${value}`],
          awsEnv,
        ),
    };
    const names = Object.keys(tools);
    // moto imports its CloudFormation, SQS and SNS code on first use (about a second): warm every path once.
    for (const name of names) tools[name]!(`warm-${name}`, 'dev');

    const created = new Map<string, number[]>(names.map((name) => [name, []]));
    const updated = new Map<string, number[]>(names.map((name) => [name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      // A different tool goes first each round, so none always runs on a machine the others warmed.
      const order = names.map((_, index) => names[(index + round) % names.length]!);
      for (const name of order) created.get(name)!.push(tools[name]!(`${name}-${round}`, 'dev'));
      for (const name of order) updated.get(name)!.push(tools[name]!(`${name}-${round}`, 'prod'));
    }
    const awsName = `aws cloudformation deploy (aws-cli ${awsCli.version})`;
    const label = { npm: 'roledeck deploy --yes', sea: 'roledeck deploy --yes (single executable)' } as Record<string, string>;
    return names
      .filter((name) => name !== 'aws')
      .flatMap((name) => [
        {
          name: `${label[name]}, new stack, start to complete (median of ${ROUNDS})`,
          value: median(created.get(name)!),
          reference: median(created.get('aws')!),
          referenceName: awsName,
          unit: 'ms',
          budgetRatio: 0.25,
        },
        {
          name: `${label[name]}, update, start to complete (median of ${ROUNDS})`,
          value: median(updated.get(name)!),
          reference: median(updated.get('aws')!),
          referenceName: awsName,
          unit: 'ms',
          budgetRatio: 0.25,
        },
      ]);
  } finally {
    await moto.stop();
  }
}
