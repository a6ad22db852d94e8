import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTempFileName, tempNameFor, writeFileAtomic } from '../../../../../electron/node/store/atomic-file';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roledeck-atomic-'));
  file = path.join(dir, 'config');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('atomic file replacement', () => {
  it('replaces the file whole, with the mode asked for, and leaves no temp file', async () => {
    await writeFile(file, 'old');
    await writeFileAtomic(file, new TextEncoder().encode('new'), 0o600);
    expect(await readFile(file, 'utf8')).toBe('new');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('clears temp files of writers that were killed before renaming, including those of its backups', async () => {
    const gone = deadPid();
    const leftovers = [`config.tmp-${gone}-0123456789ab`, `config.roledeck-backup-20260101T000000Z.tmp-${gone}-abcdef012345`];
    for (const name of leftovers) await writeFile(path.join(dir, name), 'half a file');
    await writeFileAtomic(file, new TextEncoder().encode('new'));
    expect(await readdir(dir)).toEqual(['config']);
  });

  it('leaves alone a temp file whose writer still runs, and files that only look similar', async () => {
    const inProgress = `config.tmp-${process.ppid}-0123456789ab`;
    const userFiles = [`config.tmp-${deadPid()}-notahexname!`, 'config.bak', `other.tmp-${deadPid()}-0123456789ab`];
    for (const name of [inProgress, ...userFiles]) await writeFile(path.join(dir, name), 'keep');
    await writeFileAtomic(file, new TextEncoder().encode('new'));
    expect((await readdir(dir)).sort()).toEqual(['config', inProgress, ...userFiles].sort());
  });

  it('names temp files so that they are recognised as such, and nothing else is', () => {
    expect(isTempFileName(path.basename(tempNameFor(file)))).toBe(true);
    expect(isTempFileName('config')).toBe(false);
    expect(isTempFileName('config.roledeck-backup-20260101T000000Z')).toBe(false);
  });
});
