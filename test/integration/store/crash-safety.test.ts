import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsConfigEditor, BACKUP_INFIX } from '../../../electron/node/aws-files/aws-config.editor';
import { EncryptedFileDocumentStore } from '../../../electron/node/store/encrypted-file.document-store';
import { STORE_KEY_ITEM } from '../../../shared/domain/keychain-items';
import { MemorySecretStore } from '../../fakes/memory.secret-store';
import { recordingLogger } from '../../fakes/recording.logger';
import { recordFigure } from '../../fixtures/figures';
import { iniSlotValue, storeSlotValue, type CrashTarget, type CrashWriterTask } from '../fixtures/crash-slots';

/**
 * Crash safety of every file Roledeck writes: writer processes (crash-writer.ts, the real store and
 * ~/.aws editor code) are SIGKILLed at random moments while they write, two writers per file at
 * once, hundreds of times. After every kill the file must still parse, as the store and the AWS SDK
 * read it, and hold at least every change its writer had reported as saved; a writer that finds
 * its own last change gone (another writer put back an old copy) fails the test as a lost update.
 *
 * Roledeck itself writes ~/.aws/credentials nowhere yet; the credentials lanes drive the same
 * editor (lock file, backup, atomic replace) at a credentials file, so that path is covered
 * before a feature needs it.
 */

const KILLS = 500;
/** A kill lands this long (uniformly drawn) after the writer said it starts writing. */
const MAX_KILL_DELAY_MS = 80;
/** A bound, not a target: about 50 s on this 2-core machine under a load of 12, longer under heavier load. */
const TIME_LIMIT_MS = 240_000;

const CONFIG_SEED = `# My own settings, written by hand
[default]
region = eu-central-1
output = json

[profile personal]
region = us-west-2
`;
// The example keys from the AWS documentation.
const CREDENTIALS_SEED = `[default]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
`;

/** One profile store and one ~/.aws; two sets run side by side, so the kills keep coming while writers wait on fsync. */
interface FileSet {
  storeHome: string;
  configPath: string;
  credentialsPath: string;
}

interface Lane {
  files: FileSet;
  target: CrashTarget;
  slot: string;
  value: number;
}

const SETS = 2;
let dir: string;
let bundle: string;
let sets: FileSet[];
const key = randomBytes(32);

function parentStore(home: string): EncryptedFileDocumentStore {
  const secrets = new MemorySecretStore();
  secrets.items.set(STORE_KEY_ITEM, key);
  return new EncryptedFileDocumentStore({ home, secrets, logger: recordingLogger().logger });
}

function pathOf(lane: Lane): string {
  if (lane.target === 'profile store') return lane.files.storeHome;
  return lane.target === '~/.aws/config' ? lane.files.configPath : lane.files.credentialsPath;
}

/** The child as one plain ES module: a tsx start per kill would cost more than the whole budget. */
async function bundleWriter(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve(import.meta.dirname, '../../..'),
    ssr: { noExternal: true },
    build: {
      ssr: path.resolve(import.meta.dirname, '../fixtures/crash-writer.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node22',
      rollupOptions: { output: { format: 'es', entryFileNames: 'crash-writer.mjs' } },
    },
  });
  return path.join(outDir, 'crash-writer.mjs');
}

interface Life {
  killed: boolean;
  lastSaved: number | null;
  lost: string | null;
  output: string;
}

interface Writer {
  /** Hands the writer its task; resolves once it has been killed (or ended by itself, a failure). */
  live(task: CrashWriterTask): Promise<Life>;
  /** Ends a writer that was never given a task. */
  dismiss(): void;
}

/**
 * A writer process, started ahead of its turn: it loads the code and waits for its task, so the
 * next kill does not wait for Node to start.
 */
function startWriter(): Writer {
  const child = spawn(process.execPath, [bundle], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // V8's code cache shared by every start: the bundle is compiled once, not five hundred times.
    env: { ...process.env, NODE_COMPILE_CACHE: path.join(dir, 'compile-cache') },
  });
  let output = '';
  let timer: NodeJS.Timeout | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (timer === undefined && output.includes('ready\n')) {
      timer = setTimeout(() => child.kill('SIGKILL'), Math.random() * MAX_KILL_DELAY_MS);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  return {
    dismiss: () => child.kill('SIGKILL'),
    live: async (task) => {
      child.stdin.end(`${JSON.stringify(task)}\n`);
      // A writer that never gets going is ended too, and fails below (not killed after 'ready').
      const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const signal = await closed;
      clearTimeout(timer);
      clearTimeout(watchdog);
      const saved = [...output.matchAll(/^saved (\d+)$/gm)].map((match) => Number(match[1]));
      return {
        killed: signal === 'SIGKILL' && timer !== undefined,
        lastSaved: saved.length > 0 ? saved[saved.length - 1]! : null,
        lost: /^lost .*$/m.exec(output)?.[0] ?? null,
        output,
      };
    },
  };
}

/** Reads a slot back the way Roledeck and the SDK read the file; throws if the file does not parse. */
async function readSlot(lane: Lane): Promise<number> {
  const { storeHome, configPath, credentialsPath } = lane.files;
  if (lane.target === 'profile store') {
    const document = await parentStore(storeHome).read();
    expect(document.settings.roleNameAllowList).toContain('Admin');
    return storeSlotValue(document.settings.roleNameAllowList, lane.slot);
  }
  const text = await readFile(pathOf(lane), 'utf8');
  const seed = lane.target === '~/.aws/config' ? CONFIG_SEED : CREDENTIALS_SEED;
  expect(text.startsWith(seed), `${lane.target} still starts with the user's own lines`).toBe(true);
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ configFilepath: configPath, filepath: credentialsPath, ignoreCache: true });
  expect(configFile.default).toEqual({ region: 'eu-central-1', output: 'json' });
  expect(credentialsFile.default?.aws_access_key_id).toBe('AKIAI44QH8DHBEXAMPLE');
  return iniSlotValue(text, lane.slot);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roledeck-crash-'));
  bundle = await bundleWriter(path.join(dir, 'bundle'));
  sets = [];
  for (let index = 1; index <= SETS; index += 1) {
    const home = path.join(dir, `home-${index}`);
    await mkdir(path.join(home, '.aws'), { recursive: true, mode: 0o700 });
    const files = { storeHome: path.join(home, 'roledeck'), configPath: path.join(home, '.aws/config'), credentialsPath: path.join(home, '.aws/credentials') };
    await writeFile(files.configPath, CONFIG_SEED, { mode: 0o600 });
    await writeFile(files.credentialsPath, CREDENTIALS_SEED, { mode: 0o600 });
    await parentStore(files.storeHome).update((document) => {
      document.settings.roleNameAllowList = ['Admin'];
    });
    sets.push(files);
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('files survive SIGKILL mid-write', () => {
  it(
    `keeps the profile store, ~/.aws/config and ~/.aws/credentials readable and every saved change, through ${KILLS} kills of two writers per file`,
    async () => {
      const lanes: Lane[] = sets.flatMap((files) =>
        (['profile store', '~/.aws/config', '~/.aws/credentials'] as const).flatMap((target) => ['a', 'b'].map((slot) => ({ files, target, slot, value: 0 }))),
      );
      const started = Date.now();
      let kills = 0;
      let saves = 0;
      const failures: string[] = [];

      const runLane = async (lane: Lane): Promise<void> => {
        let next = startWriter();
        try {
          await runLives(lane, () => {
            const writer = next;
            next = startWriter();
            return writer;
          });
        } finally {
          next.dismiss();
        }
      };
      const runLives = async (lane: Lane, takeWriter: () => Writer): Promise<void> => {
        while (kills < KILLS && failures.length === 0 && Date.now() - started < TIME_LIMIT_MS) {
          const task: CrashWriterTask = {
            target: lane.target,
            path: pathOf(lane),
            slot: lane.slot,
            from: lane.value,
            keyHex: key.toString('hex'),
          };
          const life = await takeWriter().live(task);
          const label = `${lane.target} writer ${lane.slot}`;
          if (life.lost) failures.push(`${label}: ${life.lost}`);
          if (!life.killed) failures.push(`${label} ended before it was killed:\n${life.output}`);
          let found: number;
          try {
            found = await readSlot(lane);
          } catch (error) {
            failures.push(`${label}: after a kill the file did not read back: ${String(error)}`);
            return;
          }
          const promised = life.lastSaved ?? lane.value;
          // At most one write can have landed after the last "saved": the one the kill interrupted.
          if (found !== promised && found !== promised + 1) failures.push(`${label}: reported ${promised} as saved, the file holds ${found}`);
          saves += found - lane.value;
          lane.value = found;
          if (life.killed) kills += 1;
        }
      };
      await Promise.all(lanes.map(runLane));

      expect(failures).toEqual([]);
      expect(kills).toBeGreaterThanOrEqual(KILLS);
      // Once every writer is gone, each slot holds its last value and the files still read back.
      for (const lane of lanes) expect(await readSlot(lane)).toBe(lane.value);
      // The backup made before the first edit is the user's file as it was, complete.
      for (const files of sets) {
        for (const [file, seed] of [[files.configPath, CONFIG_SEED], [files.credentialsPath, CREDENTIALS_SEED]] as const) {
          const backups = (await readdir(path.dirname(file))).filter((name) => name.startsWith(`${path.basename(file)}${BACKUP_INFIX}`) && !name.includes('.tmp-'));
          // Every writer of a file may have been killed before its first edit completed: then there is nothing to back up yet.
          const edited = (await readFile(file, 'utf8')) !== seed;
          expect(backups, `${file} has one backup if it was edited`).toHaveLength(edited ? 1 : 0);
          if (edited) expect(await readFile(path.join(path.dirname(file), backups[0]!), 'utf8')).toBe(seed);
        }
      }
      // Killed writers leave temp files and lock drafts behind; the next write clears them all away.
      const leftBehind = async () =>
        (await Promise.all(sets.flatMap((files) => [files.storeHome, path.dirname(files.configPath)].map((directory) => readdir(directory))))).flat().filter((name) => name.includes('.tmp-'));
      const litter = (await leftBehind()).length;
      for (const files of sets) {
        await parentStore(files.storeHome).update((document) => {
          document.settings.roleNameAllowList.push('ReadOnly');
        });
        for (const file of [files.configPath, files.credentialsPath]) {
          await new AwsConfigEditor({ configPath: file, homeDir: dir }).install('after-the-crashes', { region: 'eu-west-1' });
        }
      }
      expect(await leftBehind()).toEqual([]);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`crash safety: ${kills} kills, ${saves} writes saved, ${litter} temp files left by killed writers and cleared, in ${seconds} s`);
      recordFigure('kills survived (SIGKILL mid-write: profile store, ~/.aws/config, ~/.aws/credentials)', kills);
      recordFigure('writes reported saved and found after a kill', saves);
    },
    TIME_LIMIT_MS + 30_000,
  );
});
