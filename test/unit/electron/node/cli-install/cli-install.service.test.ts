import { describe, expect, it } from 'vitest';
import { CliInstallService } from '../../../../../electron/node/cli-install/cli-install.service';
import type { CliInstallPorts } from '../../../../../electron/node/cli-install/cli-install.ports';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { MemoryCliInstallFs, MemoryUserPath } from '../../../../fakes/memory.cli-install-fs';

const HOME = '/home/ada';
const APP_CLI = '/opt/Roledeck/resources/cli/roledeck';

function posix(options: { fs: MemoryCliInstallFs; terminalPath: string; bundledCli?: string | null; platform?: 'linux' | 'darwin' }): CliInstallService {
  const ports: CliInstallPorts = {
    platform: options.platform ?? 'linux',
    home: HOME,
    env: { PATH: options.terminalPath },
    bundledCli: options.bundledCli === undefined ? APP_CLI : options.bundledCli,
    fs: options.fs,
    terminalPath: () => Promise.resolve(options.terminalPath),
  };
  return new CliInstallService(ports);
}

/** A machine with the app installed, a home folder and the usual system folders. */
function machine(): MemoryCliInstallFs {
  return new MemoryCliInstallFs().dir('/home').dir(HOME).dir('/usr/local/bin', false).dir('/usr/bin', false).file(APP_CLI);
}

async function failure(promise: Promise<unknown>): Promise<RoledeckError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof RoledeckError)) throw new Error(`expected a RoledeckError, got ${String(error)}`);
  return error;
}

describe('CliInstallService on Linux and macOS: a link on PATH', () => {
  it('links ~/.local/bin/roledeck to the app’s CLI, creating the folder, and then a terminal runs it', async () => {
    const fs = machine();
    const service = posix({ fs, terminalPath: `${HOME}/.local/bin:/usr/local/bin:/usr/bin` });
    expect(await service.status()).toMatchObject({ state: 'not-installed', installedAt: null, target: `${HOME}/.local/bin/roledeck`, terminalFinds: null });

    const after = await service.install();
    expect(fs.get(`${HOME}/.local/bin/roledeck`)).toEqual({ kind: 'link', target: APP_CLI });
    expect(after).toEqual({
      state: 'installed',
      bundled: APP_CLI,
      installedAt: `${HOME}/.local/bin/roledeck`,
      target: `${HOME}/.local/bin/roledeck`,
      terminalFinds: `${HOME}/.local/bin/roledeck`,
      advice: '',
    });
  });

  it('uses /usr/local/bin when ~/.local/bin is not on PATH and /usr/local/bin is writable (macOS with Homebrew)', async () => {
    const fs = machine().dir('/usr/local/bin', true);
    const after = await posix({ fs, platform: 'darwin', terminalPath: '/usr/local/bin:/usr/bin:/bin' }).install();
    expect(after).toMatchObject({ state: 'installed', installedAt: '/usr/local/bin/roledeck' });
    expect(fs.get(`${HOME}/.local/bin/roledeck`)).toBeUndefined();
  });

  it('falls back to ~/.local/bin when nothing on PATH is writable, and says how to put it on PATH', async () => {
    const fs = machine();
    const after = await posix({ fs, platform: 'darwin', terminalPath: '/usr/local/bin:/usr/bin:/bin' }).install();
    expect(after.state).toBe('not-on-path');
    expect(after.installedAt).toBe(`${HOME}/.local/bin/roledeck`);
    expect(after.advice).toContain(`export PATH="${HOME}/.local/bin:$PATH"`);
  });

  it('reports another roledeck that a terminal finds first (an npm install), naming it', async () => {
    const fs = machine().file('/usr/bin/roledeck');
    const service = posix({ fs, terminalPath: `/usr/bin:${HOME}/.local/bin` });
    const after = await service.install();
    expect(after).toMatchObject({ state: 'shadowed', installedAt: `${HOME}/.local/bin/roledeck`, terminalFinds: '/usr/bin/roledeck' });
    expect(after.advice).toContain('/usr/bin/roledeck');
  });

  it('refuses to overwrite a roledeck it did not put there', async () => {
    const fs = machine().dir(`${HOME}/.local`).dir(`${HOME}/.local/bin`).file(`${HOME}/.local/bin/roledeck`, '#!/bin/sh\n');
    const error = await failure(posix({ fs, terminalPath: `${HOME}/.local/bin:/usr/bin` }).install());
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(`${HOME}/.local/bin/roledeck`);
    expect(fs.get(`${HOME}/.local/bin/roledeck`)).toMatchObject({ kind: 'file' });
  });

  it('replaces a link an earlier Roledeck left behind (the app moved, the old path is gone)', async () => {
    const fs = machine().dir(`${HOME}/.local`).dir(`${HOME}/.local/bin`).link(`${HOME}/.local/bin/roledeck`, '/tmp/.mount_Roledeck/resources/cli/roledeck');
    const after = await posix({ fs, terminalPath: `${HOME}/.local/bin:/usr/bin` }).install();
    expect(after.state).toBe('installed');
    expect(fs.get(`${HOME}/.local/bin/roledeck`)).toEqual({ kind: 'link', target: APP_CLI });
  });

  it('keeps an existing install where it is, even when the other folder would now be chosen', async () => {
    const fs = machine().dir('/usr/local/bin', true).link('/usr/local/bin/roledeck', APP_CLI);
    const service = posix({ fs, terminalPath: `${HOME}/.local/bin:/usr/local/bin:/usr/bin` });
    expect(await service.status()).toMatchObject({ state: 'installed', installedAt: '/usr/local/bin/roledeck', target: '/usr/local/bin/roledeck' });
  });

  it('says the command is not part of a build without the CLI, and refuses to install', async () => {
    const service = posix({ fs: machine(), terminalPath: '/usr/bin', bundledCli: null });
    expect(await service.status()).toMatchObject({ state: 'unavailable', bundled: null, target: null });
    expect((await failure(service.install())).code).toBe('NOT_FOUND');
  });

  it('refuses to link to a CLI that is missing from the app, saying to reinstall', async () => {
    const fs = new MemoryCliInstallFs().dir('/home').dir(HOME);
    const error = await failure(posix({ fs, terminalPath: `${HOME}/.local/bin` }).install());
    expect(error.message).toContain('Reinstall Roledeck');
    expect(fs.get(`${HOME}/.local/bin/roledeck`)).toBeUndefined();
  });

  it('explains a folder it cannot write to, without claiming success', async () => {
    const fs = new MemoryCliInstallFs().dir('/home', false).dir(HOME, false).file(APP_CLI);
    const error = await failure(posix({ fs, terminalPath: `${HOME}/.local/bin` }).install());
    expect(error.message).toMatch(/Could not put the roledeck command in \/home\/ada\/\.local\/bin: .*permission denied/);
  });
});

describe('CliInstallService on Windows: a .cmd shim and a user PATH entry (fakes only: no Windows machine here)', () => {
  const LOCAL = 'C:\\Users\\Ada\\AppData\\Local';
  const EXE = `${LOCAL}\\Programs\\Roledeck\\resources\\cli\\roledeck.exe`;
  const SHIM_DIR = `${LOCAL}\\Roledeck\\bin`;

  function windows(fs: MemoryCliInstallFs, userPath: MemoryUserPath): CliInstallService {
    return new CliInstallService({
      platform: 'win32',
      home: 'C:\\Users\\Ada',
      env: { LOCALAPPDATA: LOCAL, PATHEXT: '.COM;.EXE;.BAT;.CMD' },
      bundledCli: EXE,
      fs,
      // The PATH this app started with: the new entry is not in it yet.
      terminalPath: () => Promise.resolve('C:\\Windows\\system32;C:\\Windows'),
      userPath,
    });
  }

  it('writes roledeck.cmd that runs the app’s roledeck.exe with every argument, and appends its folder to the user PATH once', async () => {
    const fs = new MemoryCliInstallFs(true).dir('C:\\Users\\Ada').dir(LOCAL).file(EXE);
    const userPath = new MemoryUserPath('%USERPROFILE%\\bin;C:\\Tools');
    const after = await windows(fs, userPath).install();

    expect(fs.get(`${SHIM_DIR}\\roledeck.cmd`)).toMatchObject({ kind: 'file', text: `@echo off\r\n"${EXE}" %*\r\n` });
    expect(userPath.writes).toEqual([`%USERPROFILE%\\bin;C:\\Tools;${SHIM_DIR}`]);
    expect(after).toMatchObject({ state: 'installed', installedAt: `${SHIM_DIR}\\roledeck.cmd`, terminalFinds: `${SHIM_DIR}\\roledeck.cmd` });

    await windows(fs, userPath).install();
    expect(userPath.writes).toHaveLength(1);
  });

  it('recognises its folder already on the user PATH in another spelling (case, trailing backslash)', async () => {
    const fs = new MemoryCliInstallFs(true).dir('C:\\Users\\Ada').dir(LOCAL).file(EXE);
    const userPath = new MemoryUserPath(`${SHIM_DIR.toUpperCase()}\\`);
    await windows(fs, userPath).install();
    expect(userPath.writes).toEqual([]);
  });

  it('refuses to replace a roledeck.cmd it did not write', async () => {
    const fs = new MemoryCliInstallFs(true).dir('C:\\Users\\Ada').dir(LOCAL).dir(`${LOCAL}\\Roledeck`).dir(SHIM_DIR).file(`${SHIM_DIR}\\roledeck.cmd`, '@node C:\\dev\\roledeck.mjs %*\r\n').file(EXE);
    const error = await failure(windows(fs, new MemoryUserPath('')).install());
    expect(error.code).toBe('CONFLICT');
  });
});
