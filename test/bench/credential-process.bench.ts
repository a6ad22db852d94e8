import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
 * `roledeck credential-process` served from cache in every form a user writes — by name, by `--id`
 * (what `config install` writes), with `--home` (what it writes when ROLEDECK_HOME is set) — and
 * `roledeck export <name>`, without the app (one keychain read; budget ≤ 1.1× `node` + one keychain
 * read, the floor) and with it (one socket round trip; budget ≤ 1.2× a bare `node -e 0`), all
 * interleaved in one run. Needs the private keyring session (npm run bench provides it) and moto
 * only to obtain the session once; the timed runs make no AWS call.
 *
 * Two data folders with the same profiles: the app runs on one; the other has no app, so its calls
 * take the keychain path exactly as a user's would (looking for an app first, finding none).
 */
export async function benchCredentialProcess(): Promise<Figure[]> {
  if (process.env.ROLEDECK_TEST_KEYRING !== '1') throw new Error('run through `npm run bench`: it needs the private keyring session');
  // Always the CLI as it is in this checkout, never a stale build.
  rmSync(path.dirname(cliPath), { recursive: true, force: true });
  await ensureCliBuilt();
  // The single executable the desktop app ships (npm run build:cli-sea), where one can be built here.
  const sea = process.platform === 'linux' && process.arch === 'x64' ? path.join(await ensureCliSeaBuilt(), 'roledeck') : null;
  const moto = await startMoto();
  try {
    const { createRole, createUserWithKey, trustPolicyFor } = await import('../integration/fixtures/iam');
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    const user = await createUserWithKey('bench', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    const roleArn = await createRole('BenchRole', trustPolicyFor(user.arn));
    const appHome = mkdtempSync(path.join(tmpdir(), 'roledeck-bench-app-'));
    const env: NodeJS.ProcessEnv = { ...process.env, ROLEDECK_HOME: appHome, AWS_ENDPOINT_URL: moto.endpoint, ROLEDECK_NO_AGENT: '1' };
    const cli = (args: string[], input?: string) => spawnSync(process.execPath, [cliPath, ...args], { env, input: input ?? '' });
    cli(['profile', 'add-user', 'bench', '--access-key-id', user.credentials.accessKeyId], `${user.credentials.secretAccessKey}\n`);
    cli(['profile', 'add-role', 'bench-role', '--source', 'bench', '--role-arn', roleArn]);
    const warm = cli(['whoami', 'bench-role']);
    if (warm.status !== 0) throw new Error(`could not cache the bench session: ${warm.stderr.toString()}`);
    const id = (JSON.parse(cli(['profile', 'show', 'bench-role', '--json']).stdout.toString()) as { id: string }).id;
    // The folder without an app: the same store (and so the same profile ids and cached sessions).
    const home = mkdtempSync(path.join(tmpdir(), 'roledeck-bench-'));
    copyFileSync(path.join(appHome, 'profiles.rdk'), path.join(home, 'profiles.rdk'));

    // With the desktop app running (the browser preview host: same services, same agent socket).
    const app = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts'], { env: { ...env, ROLEDECK_NO_AGENT: undefined }, stdio: 'ignore' });
    try {
      const deadline = Date.now() + 30_000;
      while (!existsSync(path.join(appHome, 'agent.json'))) {
        if (Date.now() > deadline) throw new Error('the app host did not start its agent socket');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const reference = path.join(import.meta.dirname, 'keyring-read.reference.mjs');
      const node = (args: string[], commandEnv: NodeJS.ProcessEnv = env): Command => ({ command: process.execPath, args, env: commandEnv });
      // Timed as a user runs it: no ROLEDECK_NO_AGENT, so the CLI first looks for a running app.
      const asUser = (dataHome: string) => ({ ...env, ROLEDECK_HOME: dataHome, ROLEDECK_NO_AGENT: '' });
      const noHomeVariable = { ...env, ROLEDECK_HOME: '', ROLEDECK_NO_AGENT: '' };
      const forms = (dataHome: string) => ({
        byName: node([cliPath, 'credential-process', 'bench-role'], asUser(dataHome)),
        byId: node([cliPath, 'credential-process', '--id', id, 'bench-role'], asUser(dataHome)),
        withHome: node([cliPath, '--home', dataHome, 'credential-process', '--id', id, 'bench-role'], noHomeVariable),
        exportByName: node([cliPath, 'export', 'bench-role', '--format', 'bash'], asUser(dataHome)),
      });
      const keychain = forms(home);
      const viaApp = forms(appHome);
      const seaById = (dataHome: string): Command | undefined =>
        sea ? { command: sea, args: ['credential-process', '--id', id, 'bench-role'], env: asUser(dataHome) } : undefined;
      const seaForms: Record<string, Command> = sea ? { seaKcById: seaById(home)!, seaAppById: seaById(appHome)! } : {};
      // The warm-up round also makes the first by-name calls, which keep their answers (full path).
      const m = interleavedMedians<string>({
        bare: node(['-e', '0']),
        floor: node([reference, id]),
        floorViaLoader: node([reference, id, '--via-loader']),
        kcByName: keychain.byName,
        kcById: keychain.byId,
        kcWithHome: keychain.withHome,
        kcExportByName: keychain.exportByName,
        appByName: viaApp.byName,
        appById: viaApp.byId,
        appWithHome: viaApp.withHome,
        appExportByName: viaApp.exportByName,
        ...seaForms,
      }) as Record<string, number> & Record<'bare' | 'floor' | 'floorViaLoader' | `${'kc' | 'app'}${'ByName' | 'ById' | 'WithHome' | 'ExportByName'}`, number>;
      const named: Array<[string, number, number]> = [
        ['credential-process <name>', m.kcByName, m.appByName],
        ['credential-process --id', m.kcById, m.appById],
        ['--home <dir> credential-process --id', m.kcWithHome, m.appWithHome],
        ['export <name> --format bash', m.kcExportByName, m.appExportByName],
      ];
      const figures: Figure[] = [];
      for (const [form, fromKeychain] of named) {
        figures.push({
          name: `roledeck ${form}, keychain (median of ${RUNS})`,
          value: fromKeychain,
          reference: m.floor,
          referenceName: 'node + one keychain read',
          unit: 'ms',
          budgetRatio: 1.1,
        });
        figures.push({ name: `roledeck ${form}, keychain (median of ${RUNS})`, value: fromKeychain, reference: m.bare, referenceName: 'bare node -e 0', unit: 'ms' });
      }
      for (const [form, , fromApp] of named) {
        figures.push({
          name: `roledeck ${form}, app running (median of ${RUNS})`,
          value: fromApp,
          reference: m.bare,
          referenceName: 'bare node -e 0',
          unit: 'ms',
          budgetRatio: 1.2,
        });
      }
      if (m.seaKcById !== undefined && m.seaAppById !== undefined) {
        figures.push(
          {
            name: `roledeck single executable (the app's CLI) credential-process --id, keychain (median of ${RUNS})`,
            value: m.seaKcById,
            reference: m.bare,
            referenceName: 'bare node -e 0',
            unit: 'ms',
            budgetRatio: 1.5,
          },
          {
            name: `roledeck single executable vs node dist/cli/roledeck.mjs, credential-process --id (median of ${RUNS})`,
            value: m.seaKcById,
            reference: m.kcById,
            referenceName: 'node dist/cli/roledeck.mjs, same arguments',
            unit: 'ms',
          },
          {
            name: `roledeck single executable credential-process --id, app running (median of ${RUNS})`,
            value: m.seaAppById,
            reference: m.bare,
            referenceName: 'bare node -e 0',
            unit: 'ms',
            budgetRatio: 1.5,
          },
        );
      }
      figures.push({
        name: `node + one keychain read (the floor) (median of ${RUNS})`,
        value: m.floor,
        reference: m.bare,
        referenceName: 'bare node -e 0',
        unit: 'ms',
      });
      figures.push({
        name: `node + one keychain read through @napi-rs/keyring's own loader (median of ${RUNS})`,
        value: m.floorViaLoader,
        reference: m.floor,
        referenceName: 'the same read, binding loaded directly',
        unit: 'ms',
      });

      const aws = '/usr/bin/aws';
      const probe = spawnSync(aws, ['configure', 'export-credentials', 'help'], { stdio: 'ignore' });
      if (probe.status === 0) {
        const credentials = path.join(home, 'aws-credentials');
        writeFileSync(credentials, `[static]\naws_access_key_id = ${user.credentials.accessKeyId}\naws_secret_access_key = ${user.credentials.secretAccessKey}\n`);
        const awsEnv = { PATH: process.env.PATH, HOME: home, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: path.join(home, 'none') };
        const versusAws = interleavedMedians({ cached: keychain.byId, awsExport: { command: aws, args: ['configure', 'export-credentials', '--profile', 'static'], env: awsEnv } });
        figures.push({
          name: `roledeck credential-process --id vs aws configure export-credentials (median of ${RUNS})`,
          value: versusAws.cached,
          reference: versusAws.awsExport,
          referenceName: 'aws configure export-credentials, static keys',
          unit: 'ms',
        });
      }
      return figures;
    } finally {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
  } finally {
    await moto.stop();
  }
}
