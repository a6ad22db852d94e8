import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliPath, ensureCliBuilt } from '../integration/fixtures/cli';
import { locateAwsCli } from '../integration/fixtures/aws-cli';
import { ensureCliSeaBuilt } from '../integration/fixtures/cli-sea';
import { startMoto } from '../integration/fixtures/moto-server';
import { startFaultProxy } from '../fixtures/fault-proxy/fault-proxy';
import { median, type Figure } from './harness';

const ROUNDS = 7;
const FLOOR_SCRIPT = path.join(import.meta.dirname, 'deploy-floor.reference.mjs');
/** How long the realistic pass makes each stack operation take: about what a small real stack (a queue and a topic) takes. */
/** How long the held stacks take: a short test stack, and a small real one (a queue with its policy and alarms). */
const REALISTIC_STACKS_MS = [5_000, 20_000];
/** Each realistic run waits for the stack (and the AWS CLI's 30 s poll): one round per tool unless asked for more. */
const REALISTIC_ROUNDS = Number(process.env.ROLEDECK_BENCH_REALISTIC_ROUNDS ?? 1);

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

/** When a run said it was complete (its success line on stdout), and when it exited, in ms from its start. */
interface Timing {
  complete: number;
  exit: number;
}

/**
 * Runs one deploy and times it: to the line that says the stack is complete (what the person
 * waits for) and to the process's exit. A failure stops the bench. Run asynchronously: this
 * process reads moto's log pipe, and a spawnSync would leave it unread until moto, its pipe full,
 * stops answering.
 */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv, done: RegExp): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let complete: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (complete === undefined && done.test(stdout)) complete = since();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const exit = since();
      if (code === 0 && complete !== undefined) resolve({ complete, exit });
      else reject(new Error(`${path.basename(command)} ${args.slice(0, 3).join(' ')} failed (${code}): ${stderr}${stdout.slice(-500)}`));
    });
  });
}

/**
 * `roledeck deploy --yes` (the npm package, and the single executable where one can be built)
 * against `aws cloudformation deploy` (Debian's AWS CLI v2, which needs --endpoint-url), the same
 * template into the same moto server in the same run, with the same assumed-role session: a new
 * stack, then an update of it. Rounds rotate the tools so a machine that slows down mid-run slows
 * them all. Budget (DESIGN.md): ≤ 0.25× the AWS CLI's wall time. Its waiters re-check a change set
 * after 5 s and a stack after 30 s; Roledeck polls at once, then from 250 ms. moto finishes change
 * sets and stacks before it answers, so neither tool ever waits in the first pass and its figures
 * compare the two programs' own costs (start-up, SDK, signing) rather than their polling. The
 * floor beside them (deploy-floor.reference.mjs) is the least any Node program pays for the same
 * deploy: Node's start, the SDK's load and the AWS CLI's calls, nothing else. A second
 * passes run both through the fault proxy with every stack held in progress for 5 s and for 20 s,
 * as short and small real stacks take: that is what a person waits for, polling included.
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
    // What each tool prints when the stack is done: "CREATE_COMPLETE: <stack> in 0:01", "Successfully created/updated stack - <stack>".
    const roledeckDone = /_COMPLETE: \S+ in \d/;
    const awsDone = /Successfully created\/updated stack/;
    // Both forms a user runs: the npm package on their Node, and the single executable the app ships.
    const sea = process.platform === 'linux' && process.arch === 'x64' ? path.join(await ensureCliSeaBuilt(), 'roledeck') : null;
    // The floor (deploy-floor.reference.mjs): Node and the SDK making the AWS CLI's calls and
    // nothing else, with the same session and its own compile cache, warmed like the CLI's.
    const floorEnv: NodeJS.ProcessEnv = { ...awsEnv, ROLEDECK_BENCH_COMPILE_CACHE: path.join(work, 'floor-compile-cache') };
    const toolsAt = (endpoint: string, forms: { sea: boolean; floor: boolean }): Tools => ({
      npm: (stack, value) => timed(process.execPath, [cliPath, ...deployArgs(stack, value)], { ...env, AWS_ENDPOINT_URL: endpoint }, roledeckDone),
      ...(sea && forms.sea ? { sea: (stack: string, value: string) => timed(sea, deployArgs(stack, value), { ...env, AWS_ENDPOINT_URL: endpoint }, roledeckDone) } : {}),
      ...(forms.floor
        ? {
            floor: (stack: string, value: string) =>
              timed(process.execPath, [FLOOR_SCRIPT, stack, template, `Env=${value}`], { ...floorEnv, AWS_ENDPOINT_URL: endpoint }, /_COMPLETE: /),
          }
        : {}),
      aws: (stack, value) =>
        timed(
          awsCli.path,
          ['--endpoint-url', endpoint, 'cloudformation', 'deploy', '--template-file', template, '--stack-name', stack, '--parameter-overrides', `Env=${value}`],
          awsEnv,
          awsDone,
        ),
    });
    const awsName = `aws cloudformation deploy (aws-cli ${awsCli.version})`;
    const tools = toolsAt(moto.endpoint, { sea: true, floor: true });
    // moto imports its CloudFormation, SQS and SNS code on first use (about a second): warm every path once.
    for (const name of Object.keys(tools)) await tools[name]!(`warm-${name}`, 'dev');
    const instant = figuresOf(await measure(tools, ROUNDS, ''), { rounds: ROUNDS, awsName, prefix: '', budget: true });

    // The same tools against stacks that take REALISTIC_STACKS_MS: the fault proxy holds every
    // stack operation *_IN_PROGRESS that long (test/fixtures/fault-proxy/stack-hold.ts). Each tool
    // polls as it does by default: what a person waits. The budget is shown on every pass; no
    // tool can finish before the stack does, so for long stacks the ratio tends to stack / (stack
    // rounded up to the AWS CLI's next 30 s check).
    const proxy = await startFaultProxy(moto.endpoint);
    try {
      const figures = [...instant];
      for (const holdMs of REALISTIC_STACKS_MS) {
        proxy.holdStacks(holdMs);
        const held = await measure(toolsAt(proxy.endpoint, { sea: false, floor: false }), REALISTIC_ROUNDS, `held${holdMs / 1000}-`);
        figures.push(...figuresOf(held, { rounds: REALISTIC_ROUNDS, awsName, prefix: `[stack takes ${holdMs / 1000} s] `, budget: true }));
      }
      return figures;
    } finally {
      await proxy.stop();
    }
  } finally {
    await moto.stop();
  }
}

type Tools = Record<string, (stack: string, value: string) => Promise<Timing>>;
type Samples = Map<string, Timing[]>;

/** Every tool creates a stack, then updates it, `rounds` times; a different tool goes first each round. */
async function measure(tools: Tools, rounds: number, stackPrefix: string): Promise<Samples> {
  const names = Object.keys(tools);
  const samples: Samples = new Map(names.flatMap((name) => [[`${name} create`, []], [`${name} update`, []]]));
  for (let round = 0; round < rounds; round += 1) {
    // A different tool goes first each round, so none always runs on a machine the others warmed.
    const order = names.map((_, index) => names[(index + round) % names.length]!);
    for (const name of order) samples.get(`${name} create`)!.push(await tools[name]!(`${stackPrefix}${name}-${round}`, 'dev'));
    for (const name of order) samples.get(`${name} update`)!.push(await tools[name]!(`${stackPrefix}${name}-${round}`, 'prod'));
  }
  return samples;
}

function figuresOf(samples: Samples, options: { rounds: number; awsName: string; prefix: string; budget: boolean }): Figure[] {
  const at = (key: string, moment: keyof Timing) => median(samples.get(key)!.map((timing) => timing[moment]));
  const label: Record<string, string> = {
    npm: 'roledeck deploy --yes',
    sea: 'roledeck deploy --yes (single executable)',
    floor: 'reference only: Node + AWS SDK, the AWS CLI\'s calls and nothing else',
  };
  const names = [...new Set([...samples.keys()].map((key) => key.split(' ')[0]!))];
  return names
    .filter((name) => name !== 'aws')
    .flatMap((name) =>
      (['create', 'update'] as const).flatMap((operation) => [
        {
          name: `${options.prefix}${label[name]}, ${operation === 'create' ? 'new stack' : 'update'}, start to exit (${options.rounds === 1 ? 'one run' : `median of ${options.rounds}`})`,
          value: at(`${name} ${operation}`, 'exit'),
          reference: at(`aws ${operation}`, 'exit'),
          referenceName: `${options.awsName}, to its exit`,
          unit: 'ms',
          // The floor is not Roledeck: it shows what any Node program pays, not a budget.
          ...(options.budget && name !== 'floor' ? { budgetRatio: 0.25 } : {}),
        },
        {
          name: `  the same, to the line saying the stack is complete`,
          value: at(`${name} ${operation}`, 'complete'),
          reference: at(`aws ${operation}`, 'complete'),
          referenceName: 'the AWS CLI, to "Successfully created/updated stack"',
          unit: 'ms',
        },
        // What Roledeck adds to the floor: keychain, store, template checks, guardrails, events, audit.
        ...(name !== 'floor' && samples.has(`floor ${operation}`)
          ? [
              {
                name: `  the same, against the floor`,
                value: at(`${name} ${operation}`, 'exit'),
                reference: at(`floor ${operation}`, 'exit'),
                referenceName: 'Node + AWS SDK, the same calls only, to its exit',
                unit: 'ms',
              },
            ]
          : []),
      ]),
    );
}
