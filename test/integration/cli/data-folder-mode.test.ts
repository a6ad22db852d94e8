/**
 * The data folder a first CLI command creates is private: the compile cache is often the first
 * thing written there, and the folders it needs must not come out with the umask's 0755.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../fixtures/cli';

let parent: string;

beforeAll(async () => {
  await ensureCliBuilt();
  parent = await mkdtemp(path.join(tmpdir(), 'roledeck-data-mode-'));
});

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

const modeOf = async (folder: string) => (await stat(folder)).mode & 0o777;

describe('the data folder made by a first CLI command', () => {
  it('is 0700, and so is every folder under it that the command made', async () => {
    const home = path.join(parent, 'fresh', 'roledeck');
    const result = await runCli(['list'], { env: { ROLEDECK_HOME: home, ROLEDECK_NO_AGENT: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(await modeOf(home)).toBe(0o700);
    expect(await modeOf(path.join(home, 'cache'))).toBe(0o700);
    expect(await modeOf(path.join(home, 'cache', 'compile'))).toBe(0o700);
  });
});
