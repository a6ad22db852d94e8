import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliPath, ensureCliBuilt } from '../integration/fixtures/cli';
import { locateAwsCli } from '../integration/fixtures/aws-cli';
import { startMoto } from '../integration/fixtures/moto-server';
import { median, type Figure } from './harness';

const ROUNDS = 5;

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
 * `roledeck deploy --yes` against `aws cloudformation deploy` (Debian's AWS CLI v2, which needs
 * --endpoint-url), the same template into the same moto server in the same run, with the same
 * assumed-role session: a new stack, then an update of it. Rounds alternate the two tools so a
 * machine that slows down mid-run slows both. The AWS CLI's waiters poll every 5–30 s; Roledeck
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
    const roledeck = (stack: string, env_: string) =>
      wallMs(process.execPath, [cliPath, 'deploy', 'bench-role', template, '--stack-name', stack, '--parameter', `Env=${env_}`, '--yes'], env);
    const aws = (stack: string, env_: string) =>
      wallMs(
        awsCli.path,
        ['--endpoint-url', moto.endpoint, 'cloudformation', 'deploy', '--template-file', template, '--stack-name', stack, '--parameter-overrides', `Env=${env_}`],
        awsEnv,
      );
    // moto imports its CloudFormation, SQS and SNS code on first use (about a second): warm both paths once.
    roledeck('warm-rd', 'dev');
    aws('warm-aws', 'dev');

    const samples = { rdCreate: [] as number[], awsCreate: [] as number[], rdUpdate: [] as number[], awsUpdate: [] as number[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const first = round % 2 === 0;
      const pairs: Array<[() => number, number[]]> = [
        [() => roledeck(`rd-${round}`, 'dev'), samples.rdCreate],
        [() => aws(`aws-${round}`, 'dev'), samples.awsCreate],
      ];
      for (const [run, into] of first ? pairs : [...pairs].reverse()) into.push(run());
      const updates: Array<[() => number, number[]]> = [
        [() => roledeck(`rd-${round}`, 'prod'), samples.rdUpdate],
        [() => aws(`aws-${round}`, 'prod'), samples.awsUpdate],
      ];
      for (const [run, into] of first ? updates : [...updates].reverse()) into.push(run());
    }
    const awsName = `aws cloudformation deploy (aws-cli ${awsCli.version})`;
    return [
      {
        name: `roledeck deploy --yes, new stack, start to complete (median of ${ROUNDS})`,
        value: median(samples.rdCreate),
        reference: median(samples.awsCreate),
        referenceName: awsName,
        unit: 'ms',
        budgetRatio: 0.25,
      },
      {
        name: `roledeck deploy --yes, update, start to complete (median of ${ROUNDS})`,
        value: median(samples.rdUpdate),
        reference: median(samples.awsUpdate),
        referenceName: awsName,
        unit: 'ms',
        budgetRatio: 0.25,
      },
    ];
  } finally {
    await moto.stop();
  }
}
