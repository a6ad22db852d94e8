import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliPath, ensureCliBuilt } from '../integration/fixtures/cli';
import { ensureCliSeaBuilt } from '../integration/fixtures/cli-sea';
import { startMoto } from '../integration/fixtures/moto-server';
import { median, type Figure } from './harness';

const RUNS = 30;

function wallMs(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return elapsed;
}

interface Command {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Median wall time of each command over RUNS runs, taken round-robin (a, b, c, a, b, c, …) so a
 * machine that slows down or speeds up mid-run moves every figure alike, not just the one that
 * happened to be running.
 */
function interleavedMedians<K extends string>(commands: Record<K, Command>): Record<K, number> {
  const entries = Object.entries(commands) as [K, Command][];
  for (const [, c] of entries) wallMs(c.command, c.args, c.env); // warm the OS caches once
  const samples = new Map<K, number[]>(entries.map(([name]) => [name, []]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, c] of entries) samples.get(name)!.push(wallMs(c.command, c.args, c.env));
  }
  return Object.fromEntries(entries.map(([name]) => [name, median(samples.get(name)!)])) as Record<K, number>;
}

/**
 * `roledeck credential-process` served from the keychain cache, against bare `node -e 0` (budget
 * ≤ 1.5×) and the AWS CLI's own `aws configure export-credentials` over static keys, all measured
 * in this run. Needs the private keyring session (npm run bench provides it) and moto only to
 * obtain the session once; the timed runs make no AWS call.
 */
export async function benchCredentialProcess(): Promise<Figure[]> {
  if (process.env.ROLEDECK_TEST_KEYRING !== '1') throw new Error('run through `npm run bench`: it needs the private keyring session');
  await ensureCliBuilt();
  // The single executable the desktop app ships (npm run build:cli-sea), where one can be built here.
  const sea = process.platform === 'linux' && process.arch === 'x64' ? path.join(await ensureCliSeaBuilt(), 'roledeck') : null;
  const moto = await startMoto();
  try {
    const { createRole, createUserWithKey, trustPolicyFor } = await import('../integration/fixtures/iam');
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    const user = await createUserWithKey('bench', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    const roleArn = await createRole('BenchRole', trustPolicyFor(user.arn));
    const home = mkdtempSync(path.join(tmpdir(), 'roledeck-bench-'));
    const env: NodeJS.ProcessEnv = { ...process.env, ROLEDECK_HOME: home, AWS_ENDPOINT_URL: moto.endpoint, ROLEDECK_NO_AGENT: '1' };
    const cli = (args: string[], input?: string) => spawnSync(process.execPath, [cliPath, ...args], { env, input: input ?? '' });
    cli(['profile', 'add-user', 'bench', '--access-key-id', user.credentials.accessKeyId], `${user.credentials.secretAccessKey}\n`);
    cli(['profile', 'add-role', 'bench-role', '--source', 'bench', '--role-arn', roleArn]);
    const warm = cli(['whoami', 'bench-role']);
    if (warm.status !== 0) throw new Error(`could not cache the bench session: ${warm.stderr.toString()}`);

    const id = (JSON.parse(cli(['profile', 'show', 'bench-role', '--json']).stdout.toString()) as { id: string }).id;

    const reference = path.join(import.meta.dirname, 'keyring-read.reference.mjs');
    const node = (args: string[], commandEnv = env): Command => ({ command: process.execPath, args, env: commandEnv });
    // Timed as a user runs it: no ROLEDECK_NO_AGENT, so the CLI first looks for a running app
    // (none yet: no endpoint file) before it reads the keychain.
    const asUser = { ...env, ROLEDECK_NO_AGENT: '' };
    // What `roledeck config install` writes into ~/.aws/config: the profile id selects the cached path.
    const quickArgs = [cliPath, 'credential-process', '--id', id, 'bench-role'];
    const seaQuick = (commandEnv: NodeJS.ProcessEnv): Record<string, Command> =>
      sea ? { sea: { command: sea, args: quickArgs.slice(1), env: commandEnv } } : {};
    const {
      bare,
      floor,
      floorViaLoader,
      cached,
      byName,
      sea: seaCached,
    } = interleavedMedians<string>({
      bare: node(['-e', '0']),
      floor: node([reference, id]),
      floorViaLoader: node([reference, id, '--via-loader']),
      cached: node(quickArgs, asUser),
      byName: node([cliPath, 'credential-process', 'bench-role'], asUser),
      ...seaQuick(asUser),
    }) as Record<string, number> & { bare: number; floor: number; floorViaLoader: number; cached: number; byName: number };
    const figures: Figure[] = [
      {
        name: `roledeck credential-process --id, keychain cache (median of ${RUNS})`,
        value: cached,
        reference: bare,
        referenceName: 'bare node -e 0',
        unit: 'ms',
        budgetRatio: 1.5,
      },
      {
        name: `roledeck credential-process --id vs node + one keychain read (median of ${RUNS})`,
        value: cached,
        reference: floor,
        referenceName: 'node + one keychain read (binding loaded directly)',
        unit: 'ms',
      },
      {
        name: `node + one keychain read through @napi-rs/keyring's own loader (median of ${RUNS})`,
        value: floorViaLoader,
        reference: floor,
        referenceName: 'the same read, binding loaded directly',
        unit: 'ms',
      },
      {
        name: `roledeck credential-process by name, store + cache (median of ${RUNS})`,
        value: byName,
        reference: bare,
        referenceName: 'bare node -e 0',
        unit: 'ms',
      },
    ];
    if (seaCached !== undefined) {
      figures.push(
        {
          name: `roledeck single executable (the app's CLI) credential-process --id, keychain cache (median of ${RUNS})`,
          value: seaCached,
          reference: bare,
          referenceName: 'bare node -e 0',
          unit: 'ms',
          budgetRatio: 1.5,
        },
        {
          name: `roledeck single executable vs node dist/cli/roledeck.mjs, credential-process --id (median of ${RUNS})`,
          value: seaCached,
          reference: cached,
          referenceName: 'node dist/cli/roledeck.mjs, same arguments',
          unit: 'ms',
        },
      );
    }
    // With the desktop app running (the browser preview host: same services, same agent socket),
    // the quick path asks the app over its socket before touching the keychain.
    const app = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts'], { env: { ...env, ROLEDECK_NO_AGENT: undefined }, stdio: 'ignore' });
    try {
      const deadline = Date.now() + 30_000;
      while (!existsSync(path.join(home, 'agent.json'))) {
        if (Date.now() > deadline) throw new Error('the app host did not start its agent socket');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const withApp = interleavedMedians<string>({ bare: node(['-e', '0']), viaApp: node(quickArgs, asUser), ...seaQuick(asUser) });
      figures.push({
        name: `roledeck credential-process --id, app running (median of ${RUNS})`,
        value: withApp.viaApp!,
        reference: withApp.bare!,
        referenceName: 'bare node -e 0, interleaved',
        unit: 'ms',
        budgetRatio: 1.5,
      });
      if (withApp.sea !== undefined) {
        figures.push({
          name: `roledeck single executable credential-process --id, app running (median of ${RUNS})`,
          value: withApp.sea,
          reference: withApp.bare!,
          referenceName: 'bare node -e 0, interleaved',
          unit: 'ms',
          budgetRatio: 1.5,
        });
      }
    } finally {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }

    const aws = '/usr/bin/aws';
    const probe = spawnSync(aws, ['configure', 'export-credentials', 'help'], { stdio: 'ignore' });
    if (probe.status === 0) {
      const credentials = path.join(home, 'aws-credentials');
      writeFileSync(credentials, `[static]\naws_access_key_id = ${user.credentials.accessKeyId}\naws_secret_access_key = ${user.credentials.secretAccessKey}\n`);
      const awsEnv = { PATH: process.env.PATH, HOME: home, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: path.join(home, 'none') };
      const versusAws = interleavedMedians({ cached: node(quickArgs, asUser), awsExport: { command: aws, args: ['configure', 'export-credentials', '--profile', 'static'], env: awsEnv } });
      figures.push({
        name: `roledeck credential-process vs aws configure export-credentials (median of ${RUNS})`,
        value: versusAws.cached,
        reference: versusAws.awsExport,
        referenceName: 'aws configure export-credentials, static keys',
        unit: 'ms',
      });
    }
    return figures;
  } finally {
    await moto.stop();
  }
}
