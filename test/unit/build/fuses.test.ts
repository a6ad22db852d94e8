import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { FUSES, STUB_ELECTRON_MARKER, skipFusesForStub } from '../../../build/fuses';

describe('Electron fuses', () => {
  it('decide every fuse Electron has, with the security-relevant ones locked down', () => {
    const names = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    const decided = Object.fromEntries(names.map((name) => [name, (FUSES as Record<number, boolean | undefined>)[FuseV1Options[name as keyof typeof FuseV1Options]]]));
    expect(decided).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    });
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
  });
});

describe('the stub-Electron switch', () => {
  const exists = (files: string[]) => (file: string) => files.includes(file);

  it('keeps the fuses when it is not set', () => {
    expect(skipFusesForStub({}, exists([]), path.join)).toBe(false);
  });

  it('fails the build when set outside the packaging test', () => {
    expect(() => skipFusesForStub({ ROLEDECK_STUB_ELECTRON: '1' }, exists([]), path.join)).toThrow(/only for the packaging smoke test/);
    expect(() => skipFusesForStub({ ROLEDECK_STUB_ELECTRON: '1', ROLEDECK_ELECTRON_ZIP_DIR: '/real/electron/zips' }, exists([]), path.join)).toThrow(
      /ROLEDECK_ELECTRON_ZIP_DIR/,
    );
  });

  it('drops the fuses only for the stub folder the packaging test made', () => {
    const env = { ROLEDECK_STUB_ELECTRON: '1', ROLEDECK_ELECTRON_ZIP_DIR: '/tmp/stub' };
    expect(skipFusesForStub(env, exists([path.join('/tmp/stub', STUB_ELECTRON_MARKER)]), path.join)).toBe(true);
  });
});
