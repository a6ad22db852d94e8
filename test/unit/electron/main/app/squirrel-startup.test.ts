import { describe, expect, it } from 'vitest';
import { squirrelStartupAction } from '../../../../../electron/main/app/squirrel-startup';

const EXE = 'C:\\Users\\me\\AppData\\Local\\roledeck\\app-0.1.0\\roledeck.exe';
const UPDATE = 'C:\\Users\\me\\AppData\\Local\\roledeck\\Update.exe';

describe('squirrelStartupAction', () => {
  it('creates the shortcut on install and update, then quits', () => {
    expect(squirrelStartupAction([EXE, '--squirrel-install', '0.1.0'], 'win32', EXE)).toEqual({
      updateExe: UPDATE,
      args: ['--createShortcut=roledeck.exe'],
    });
    expect(squirrelStartupAction([EXE, '--squirrel-updated', '0.1.1'], 'win32', EXE)?.args).toEqual(['--createShortcut=roledeck.exe']);
  });

  it('removes the shortcut on uninstall and just quits when obsolete', () => {
    expect(squirrelStartupAction([EXE, '--squirrel-uninstall'], 'win32', EXE)?.args).toEqual(['--removeShortcut=roledeck.exe']);
    expect(squirrelStartupAction([EXE, '--squirrel-obsolete'], 'win32', EXE)?.args).toEqual([]);
  });

  it('is a normal start on first run, without flags, and on every other platform', () => {
    expect(squirrelStartupAction([EXE, '--squirrel-firstrun'], 'win32', EXE)).toBeNull();
    expect(squirrelStartupAction([EXE], 'win32', EXE)).toBeNull();
    expect(squirrelStartupAction(['/opt/Roledeck/roledeck', '--squirrel-install'], 'linux', '/opt/Roledeck/roledeck')).toBeNull();
  });
});
