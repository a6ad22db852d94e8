import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigratingAuditTrail } from '../../../electron/node/audit/audit-migration';
import { JsonlAuditLog } from '../../../electron/node/audit/jsonl.audit-log';
import type { AuditEntry } from '../../../shared/ports/audit-log';
import { MemoryDocumentStore } from '../../fakes/memory.document-store';
import { recordingLogger } from '../../fakes/recording.logger';
import { recordFigure } from '../../fixtures/figures';

/**
 * The audit log on real files: permissions, rotation across files, tampering found on disk, the
 * store's history moved in once, and appenders SIGKILLed mid-write (two at once, with rotation
 * going on) always leaving a log that verifies and holds every entry reported written.
 */

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roledeck-audit-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve(import.meta.dirname, '../../..'),
    ssr: { noExternal: true },
    build: {
      ssr: path.resolve(import.meta.dirname, 'audit-appender.script.ts'),
      outDir: path.join(dir, 'bundle'),
      emptyOutDir: true,
      minify: false,
      target: 'node22',
      rollupOptions: { output: { format: 'es', entryFileNames: 'audit-appender.mjs' } },
    },
  });
  bundle = path.join(dir, 'bundle', 'audit-appender.mjs');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function freshHome(name: string): Promise<string> {
  return mkdtemp(path.join(dir, `${name}-`));
}

function entry(index: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { at: 1_700_000_000_000 + index, action: 'assume', profileName: `acme-${index}`, customer: 'Acme', result: 'ok', detail: `entry ${index} `.padEnd(120, '.'), ...extra };
}

describe('the audit log file', () => {
  it('is readable by its owner only, and reads back what was appended', async () => {
    const home = await freshHome('mode');
    const log = new JsonlAuditLog({ home });
    await log.append(entry(1), entry(2, { result: 'failed' }));
    expect((await stat(path.join(home, 'audit'))).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(home, 'audit', 'audit.jsonl'))).mode & 0o777).toBe(0o600);
    expect((await log.list()).map((item) => [item.profileName, item.result])).toEqual([
      ['acme-1', 'ok'],
      ['acme-2', 'failed'],
    ]);
    expect(await log.verify()).toMatchObject({ ok: true, verified: 2 });
  });

  it('rotates by size, keeps the newest files, and the chain runs across them', async () => {
    const home = await freshHome('rotate');
    const log = new JsonlAuditLog({ home, maxBytes: 2_000, keep: 3 });
    for (let index = 1; index <= 60; index += 1) await log.append(entry(index));
    const files = (await readdir(path.join(home, 'audit'))).filter((name) => name.endsWith('.jsonl')).sort();
    expect(files).toEqual(['audit.1.jsonl', 'audit.2.jsonl', 'audit.3.jsonl', 'audit.jsonl']);
    for (const name of files) expect((await stat(path.join(home, 'audit', name))).size).toBeLessThanOrEqual(2_000);
    const kept = await log.list();
    expect(kept.at(-1)?.profileName).toBe('acme-60');
    expect(kept.length).toBeLessThan(60);
    const report = await log.verify();
    expect(report).toMatchObject({ ok: true, verified: kept.length });
    recordFigure('audit chain verified', report.verified);
  });

  it('names a rotated file someone removed, and a line edited on disk', async () => {
    const home = await freshHome('tamper');
    const log = new JsonlAuditLog({ home, maxBytes: 2_000, keep: 5 });
    for (let index = 1; index <= 40; index += 1) await log.append(entry(index));
    await rm(path.join(home, 'audit', 'audit.2.jsonl'));
    const current = path.join(home, 'audit', 'audit.jsonl');
    const lines = (await readFile(current, 'utf8')).split('\n');
    lines[1] = (lines[1] ?? '').replace('"customer":"Acme"', '"customer":"Else"');
    await writeFile(current, lines.join('\n'));
    const report = await log.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => [problem.kind, problem.file, problem.line])).toEqual([
      ['missing-file', 'audit.1.jsonl', 1],
      ['edited', 'audit.jsonl', 2],
    ]);
  });

  it('reports lines cut off the end of the file', async () => {
    const home = await freshHome('truncate');
    const log = new JsonlAuditLog({ home });
    for (let index = 1; index <= 5; index += 1) await log.append(entry(index));
    const current = path.join(home, 'audit', 'audit.jsonl');
    const lines = (await readFile(current, 'utf8')).split('\n');
    await writeFile(current, `${lines.slice(0, 3).join('\n')}\n`);
    expect((await log.verify()).problems).toEqual([expect.objectContaining({ kind: 'truncated', message: expect.stringContaining('entries 4–5') })]);
  });

  it('moves the history kept in the store into the log once, and deploy history still reads it', async () => {
    const home = await freshHome('migrate');
    const store = new MemoryDocumentStore();
    await store.update((doc) => {
      doc.history.push({ at: 1, action: 'add-user', result: 'ok' }, { at: 2, action: 'deploy-create', profileId: 'acme-test-0001', result: 'ok', facts: { runId: 'r1', stack: 'q' } });
    });
    const trail = new MigratingAuditTrail(new JsonlAuditLog({ home }), store, recordingLogger().logger);
    await trail.append(entry(3));
    expect((await store.read()).history).toEqual([]);
    expect((await trail.list()).map((item) => item.action)).toEqual(['add-user', 'deploy-create', 'assume']);
    expect(await trail.list({ profileId: 'acme-test-0001' })).toEqual([{ at: 2, action: 'deploy-create', profileId: 'acme-test-0001', result: 'ok', facts: { runId: 'r1', stack: 'q' } }]);
    const again = new MigratingAuditTrail(new JsonlAuditLog({ home }), store, recordingLogger().logger);
    expect(await again.list()).toHaveLength(3);
  });
});

const KILLS = 120;

interface Life {
  saved: string[];
}

function appendUntilKilled(home: string, name: string, delayMs: number): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, home, '4096', '3', name], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_COMPILE_CACHE: path.join(dir, 'compile-cache') } });
    let output = '';
    let errors = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!armed && output.includes('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the appender ended by itself: ${errors}`));
      else resolve({ saved: [...output.matchAll(/^saved (\S+)$/gm)].map((match) => match[1] ?? '') });
    });
  });
}

/** A pid no process has: a child's, once it has exited. */
async function goneProcessId(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the lock files a killed writer leaves', () => {
  it('are removed when their process is gone or they are old, and a live writer\'s are kept', async () => {
    const home = await freshHome('leftovers');
    const log = new JsonlAuditLog({ home });
    await log.append(entry(1));
    const auditDir = path.join(home, 'audit');
    const gone = await goneProcessId();
    const leftovers = {
      killedBeforeLink: `audit.lock.${gone}-k1ll3d`,
      killedInTakeOver: `audit.lock.${gone}-k1ll3d.aside`,
      liveButAncient: `audit.lock.${process.pid}-0ld`,
      liveNow: `audit.lock.${process.pid}-n0w`,
      notALeftover: `audit.lock.notes`,
    };
    for (const name of Object.values(leftovers)) await writeFile(path.join(auditDir, name), 'x');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await utimes(path.join(auditDir, leftovers.liveButAncient), twoMinutesAgo, twoMinutesAgo);

    const report = await log.verify();

    expect(report.ok).toBe(true);
    const left = (await readdir(auditDir)).filter((name) => name.startsWith('audit.lock.')).sort();
    expect(left).toEqual([leftovers.liveNow, leftovers.notALeftover].sort());
  });
});

describe('an audit log whose writers are killed mid-append', () => {
  it(`verifies after every one of ${KILLS} kills, two writers at once, with rotation, and loses no reported entry`, async () => {
    const home = await freshHome('kills');
    const log = new JsonlAuditLog({ home, maxBytes: 4096, keep: 3 });
    let kills = 0;
    for (let round = 0; round < KILLS / 2; round += 1) {
      const lives = await Promise.all([appendUntilKilled(home, `a${round}`, Math.random() * 30), appendUntilKilled(home, `b${round}`, Math.random() * 30)]);
      kills += 2;
      const report = await log.verify();
      expect(report.problems, `after round ${round}`).toEqual([]);
      // The newest reported entry of each writer is still in the log, unless rotation dropped it:
      // on an idle machine one writer can fill every kept file within the 30 ms before its kill.
      // Rotation drops the oldest lines first, so while the oldest kept line is from an earlier
      // round, nothing of this round can have been dropped and each must be there.
      const kept = await log.list();
      const names = new Set(kept.map((item) => item.profileName?.replace(/-\d+$/, '')));
      const oldestRound = Number(/^[ab](\d+)-/.exec(kept[0]?.profileName ?? '')?.[1] ?? round);
      for (const life of lives) {
        const last = life.saved.at(-1);
        if (last !== undefined && oldestRound < round) expect(names.has(last), `${last} was reported saved`).toBe(true);
      }
    }
    const final = await log.verify();
    expect(final.ok).toBe(true);
    // Whatever lock files of their own the kills left, verify removed: every writer is gone. (The
    // lock itself may remain, held by a dead writer: the next append takes it over as stale.)
    expect((await readdir(path.join(home, 'audit'))).filter((name) => name.startsWith('audit.lock.'))).toEqual([]);
    recordFigure('audit kills survived', kills);
    recordFigure('audit chain verified', final.verified);
  });
});
