import { describe, expect, it } from 'vitest';
import { chooseLinkDir, cliInstallOutcome, commandCandidates, pathEntries, samePath, windowsShim, withPathEntry } from '../../../../shared/logic/cli-install';

describe('how a shell finds roledeck on PATH', () => {
  it('tries each absolute PATH folder in order, skipping relative and empty entries', () => {
    expect(commandCandidates('linux', 'roledeck', '/a::relative:/b/')).toEqual(['/a/roledeck', '/b/roledeck']);
  });

  it('on Windows tries each PATHEXT extension within a folder before the next folder, and unquotes entries', () => {
    expect(commandCandidates('win32', 'roledeck', 'C:\\A;"C:\\B C";bin', '.EXE;.CMD')).toEqual(['C:\\A\\roledeck.exe', 'C:\\A\\roledeck.cmd', 'C:\\B C\\roledeck.exe', 'C:\\B C\\roledeck.cmd']);
  });

  it('compares Windows folders without case or trailing separators, POSIX ones exactly', () => {
    expect(samePath('win32', 'C:\\Users\\Ada\\bin\\', 'c:/users/ada/BIN')).toBe(true);
    expect(samePath('linux', '/home/ada/bin/', '/home/ada/bin')).toBe(true);
    expect(samePath('linux', '/home/Ada/bin', '/home/ada/bin')).toBe(false);
    expect(pathEntries('win32', 'C:\\a;\\\\server\\share;relative')).toEqual(['C:\\a', '\\\\server\\share']);
  });
});

describe('where the link goes', () => {
  const writable = (dirs: string[]) => (dir: string) => dirs.includes(dir);

  it('prefers ~/.local/bin when a terminal has it on PATH', () => {
    expect(chooseLinkDir({ home: '/home/ada', terminalPath: '/usr/local/bin:/home/ada/.local/bin', writable: writable(['/usr/local/bin']) })).toBe('/home/ada/.local/bin');
  });

  it('takes /usr/local/bin only when it is on PATH and writable', () => {
    expect(chooseLinkDir({ home: '/Users/ada', terminalPath: '/usr/local/bin:/usr/bin', writable: writable(['/usr/local/bin']) })).toBe('/usr/local/bin');
    expect(chooseLinkDir({ home: '/Users/ada', terminalPath: '/usr/local/bin:/usr/bin', writable: writable([]) })).toBe('/Users/ada/.local/bin');
    expect(chooseLinkDir({ home: '/Users/ada', terminalPath: '/usr/bin', writable: writable(['/usr/local/bin']) })).toBe('/Users/ada/.local/bin');
  });
});

describe('the Windows shim and PATH entry', () => {
  it('quotes the executable path (Program Files has a space) and passes every argument', () => {
    expect(windowsShim('C:\\Program Files\\Roledeck\\resources\\cli\\roledeck.exe')).toBe('@echo off\r\n"C:\\Program Files\\Roledeck\\resources\\cli\\roledeck.exe" %*\r\n');
  });

  it('appends the folder to the user PATH, keeps %VARIABLE% entries as written, and adds nothing twice', () => {
    expect(withPathEntry('%USERPROFILE%\\bin;', 'C:\\R\\bin')).toBe('%USERPROFILE%\\bin;C:\\R\\bin');
    expect(withPathEntry('', 'C:\\R\\bin')).toBe('C:\\R\\bin');
    expect(withPathEntry('C:\\r\\BIN\\;D:\\x', 'C:\\R\\bin')).toBeNull();
  });
});

describe('what the status means to a person', () => {
  const base = { platform: 'linux', bundled: '/opt/R/resources/cli/roledeck', installedAt: null, target: '/home/ada/.local/bin/roledeck', terminalFinds: null, terminalRunsOurs: false };

  it('is installed exactly when a new terminal runs the app’s CLI', () => {
    expect(cliInstallOutcome({ ...base, installedAt: base.target, terminalFinds: base.target, terminalRunsOurs: true })).toEqual({ state: 'installed', advice: '' });
  });

  it('names where Install will put it before the first install', () => {
    expect(cliInstallOutcome(base)).toEqual({ state: 'not-installed', advice: 'Install puts the roledeck command at /home/ada/.local/bin/roledeck.' });
  });

  it('on Windows, says a new terminal window picks up the PATH change', () => {
    const outcome = cliInstallOutcome({ ...base, platform: 'win32', installedAt: 'C:\\R\\bin\\roledeck.cmd' });
    expect(outcome.state).toBe('not-on-path');
    expect(outcome.advice).toContain('open a new terminal window');
  });

  it('is unavailable without a bundled CLI, whatever is on PATH', () => {
    expect(cliInstallOutcome({ ...base, bundled: null, terminalFinds: '/usr/bin/roledeck' }).state).toBe('unavailable');
  });
});
