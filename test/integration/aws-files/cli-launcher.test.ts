import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkoutCli, findCliLauncher, loginShellPath } from '../../../electron/node/aws-files/cli-launcher';
import { credentialProcessCommandLine } from '../../../electron/node/aws-files/credential-process-command';
import { cliPath, ensureCliBuilt } from '../fixtures/cli';

const temp = (prefix: string) => mkdtempSync(path.join(tmpdir(), `roledeck-launcher-${prefix}-`));

/** A folder like npm's global bin after `npm link`: `roledeck` and `node` as symlinks. */
function npmStyleBin(): string {
  const bin = temp('bin');
  symlinkSync(cliPath, path.join(bin, 'roledeck'));
  symlinkSync(process.execPath, path.join(bin, 'node'));
  return bin;
}

/** Runs the words of a credential_process line as the SDKs do (sh -c), with the PATH given. */
function runLine(line: string, PATH: string) {
  return spawnSync('/bin/sh', ['-c', line], { env: { PATH }, encoding: 'utf8' });
}

describe('findCliLauncher: the roledeck CLI for credential_process lines the app writes', () => {
  beforeAll(async () => {
    await ensureCliBuilt();
    chmodSync(cliPath, 0o755);
  });

  it('names the CLI found on PATH, and node, by full paths: the line runs with no PATH at all', async () => {
    const bin = npmStyleBin();
    const launcher = await findCliLauncher({ env: { PATH: `/nonexistent:${bin}:/usr/bin:/bin` }, platform: 'linux' });
    expect(launcher).toEqual({ command: [path.join(bin, 'node'), path.join(bin, 'roledeck')], found: true });
    const line = credentialProcessCommandLine(launcher.command, { id: 'x', name: 'acme-prod' }).replace(/ credential-process .*$/, ' --version');
    const run = runLine(line, '/nonexistent');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    ['bash', '.bash_profile', (bin: string) => `echo "welcome back"\nexport PATH="${bin}:$PATH"\n`],
    ['zsh', '.zprofile', (bin: string) => `print "welcome back"\nexport PATH="${bin}:$PATH"\n`],
    ['fish', '.config/fish/config.fish', (bin: string) => `echo "welcome back"\nset -gx PATH ${bin} $PATH\n`],
  ])("finds the CLI on the PATH a %s login sets up when the app's own PATH is short (started from the dock)", async (shellName, profileFile, profile) => {
    const shell = ['/bin', '/usr/bin'].map((dir) => path.join(dir, shellName)).find((file) => existsSync(file));
    if (!shell) throw new Error(`${shellName} is missing: npm test installs it (apt-get install ${shellName})`);
    const bin = npmStyleBin();
    const home = temp('home');
    mkdirSync(path.dirname(path.join(home, profileFile)), { recursive: true });
    writeFileSync(path.join(home, profileFile), profile(bin));
    const env = { PATH: '/usr/bin:/bin', SHELL: shell, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
    expect(await loginShellPath(env)).toMatch(new RegExp(`^${bin}:`));
    expect(await findCliLauncher({ env, platform: 'linux' })).toEqual({ command: [path.join(bin, 'node'), path.join(bin, 'roledeck')], found: true });
  });

  it("names the app's own CLI by full paths when neither PATH has one, and the line runs with no PATH at all", async () => {
    const home = temp('home');
    const ownCli = checkoutCli(path.dirname(path.dirname(path.dirname(cliPath))));
    expect(ownCli).toEqual([process.execPath, cliPath]);
    const launcher = await findCliLauncher({ env: { PATH: temp('empty'), SHELL: '/bin/bash', HOME: home }, platform: 'linux', ownCli });
    expect(launcher).toEqual({ command: [process.execPath, cliPath], found: true });
    const line = credentialProcessCommandLine(launcher.command, { id: 'x', name: 'acme-prod' }).replace(/ credential-process .*$/, ' --version');
    expect(runLine(line, '/nonexistent').stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('reports that nothing was found when neither PATH has a CLI and the app carries none: no line to write', async () => {
    const home = temp('home');
    expect(checkoutCli(temp('no-build'))).toBeNull();
    const launcher = await findCliLauncher({ env: { PATH: temp('empty'), SHELL: '/bin/bash', HOME: home }, platform: 'linux', ownCli: null });
    expect(launcher).toEqual({ command: ['roledeck'], found: false });
  });

  it('skips a roledeck that cannot be run and PATH entries relative to wherever the caller happens to be', async () => {
    const notExecutable = temp('noexec');
    writeFileSync(path.join(notExecutable, 'roledeck'), '#!/bin/sh\n');
    const relative = temp('relative');
    writeFileSync(path.join(relative, 'roledeck'), '#!/bin/sh\n', { mode: 0o755 });
    const bin = npmStyleBin();
    const launcher = await findCliLauncher({ env: { PATH: `${notExecutable}:.:${bin}` }, platform: 'linux' });
    expect(launcher.command).toEqual([path.join(bin, 'node'), path.join(bin, 'roledeck')]);
  });

  it('writes a roledeck that is not a Node script (a packaged binary) as it is, without node', async () => {
    const bin = temp('native');
    writeFileSync(path.join(bin, 'roledeck'), '#!/bin/sh\necho 1.0.0\n', { mode: 0o755 });
    symlinkSync(process.execPath, path.join(bin, 'node'));
    expect(await findCliLauncher({ env: { PATH: bin }, platform: 'linux' })).toEqual({ command: [path.join(bin, 'roledeck')], found: true });
  });

  it('gives up on a login shell that hangs, instead of hanging the install', async () => {
    const shell = path.join(temp('shell'), 'slow-shell');
    writeFileSync(shell, '#!/bin/sh\nsleep 10\n', { mode: 0o755 });
    const started = Date.now();
    expect(await loginShellPath({ PATH: '/usr/bin:/bin', SHELL: shell }, 300)).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  describe('in the packaged app, which carries its own roledeck (resources/cli)', () => {
    /** A stand-in for the packaged app's single executable. */
    function packagedCli(): string {
      const file = path.join(temp('app'), 'resources', 'cli', 'roledeck');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, '#!/bin/sh\necho packaged\n', { mode: 0o755 });
      return file;
    }

    it('names the app’s own executable, ahead of an npm-installed roledeck on PATH', async () => {
      const bundled = packagedCli();
      const bin = npmStyleBin();
      expect(await findCliLauncher({ env: { PATH: bin }, platform: 'linux', bundledCli: bundled })).toEqual({ command: [bundled], found: true });
    });

    it('names it by the link "Install the roledeck command" made, when PATH finds that link', async () => {
      const bundled = packagedCli();
      const bin = temp('local-bin');
      symlinkSync(bundled, path.join(bin, 'roledeck'));
      const launcher = await findCliLauncher({ env: { PATH: `${bin}:/usr/bin` }, platform: 'linux', bundledCli: bundled });
      expect(launcher).toEqual({ command: [path.join(bin, 'roledeck')], found: true });
      expect(runLine(launcher.command.join(' '), '/nonexistent').stdout).toBe('packaged\n');
    });

    it('names it even when nothing is installed on PATH: no warning, the line works as written', async () => {
      const bundled = packagedCli();
      expect(await findCliLauncher({ env: { PATH: temp('empty') }, platform: 'linux', bundledCli: bundled })).toEqual({ command: [bundled], found: true });
    });

    it('looks on PATH as before when the package has no CLI after all (built without build:cli-sea)', async () => {
      const bin = npmStyleBin();
      const missing = path.join(temp('app'), 'resources', 'cli', 'roledeck');
      expect(await findCliLauncher({ env: { PATH: bin }, platform: 'linux', bundledCli: missing })).toEqual({ command: [path.join(bin, 'node'), path.join(bin, 'roledeck')], found: true });
    });
  });
});
