import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, ensureCliBuilt } from '../fixtures/cli';

/** Debian's own Node (20) stands in for "whatever node is first on PATH" on a user's machine. */
const SYSTEM_NODE = '/usr/bin/node';
const systemNodeVersion = existsSync(SYSTEM_NODE) ? execFileSync(SYSTEM_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim() : '';
const [major = 0, minor = 0] = systemNodeVersion.split('.').map(Number);
const systemNodeIsOld = systemNodeVersion !== '' && (major < 22 || (major === 22 && minor < 12));

describe.skipIf(!systemNodeIsOld)(`the built CLI run by an old Node (${SYSTEM_NODE} ${systemNodeVersion || 'absent'})`, () => {
  beforeAll(async () => {
    await ensureCliBuilt();
  });

  it('stops every form of the command with one sentence, and no AWS SDK warning', () => {
    for (const args of [['--help'], ['list'], ['export', 'acme-prod'], ['credential-process', '--id', '0b7f2a5e-0000-4000-8000-000000000000']]) {
      const result = spawnSync(SYSTEM_NODE, [cliPath, ...args], { encoding: 'utf8', env: { ...process.env, ROLEDECK_HOME: '/nonexistent/roledeck-old-node' } });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `roledeck needs Node 22.12 or newer, and this is Node ${systemNodeVersion}. Install a current Node (https://nodejs.org), or use the roledeck command the desktop app installs.\n`,
      );
      expect(result.stderr).not.toMatch(/NodeVersionSupportWarning|AWS SDK/);
    }
  });
});
