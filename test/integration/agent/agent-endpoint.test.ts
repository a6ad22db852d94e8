/** Where the agent socket goes when the data folder's path is too long for a Unix socket: real folders. */
import { chmodSync, mkdirSync, mkdtempSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentSocketPath, privateRuntimeDir } from '../../../electron/node/agent/agent-endpoint';

const me = process.getuid!();
const scratch = () => mkdtempSync(path.join(tmpdir(), 'roledeck-runtime-'));
const longHome = path.join('/home', 'x'.repeat(120), 'Roledeck');

describe('the private runtime folder for a long data folder path', () => {
  it('keeps the socket in the data folder when the path fits', async () => {
    expect(await agentSocketPath('/home/me/.config/Roledeck', { platform: 'linux', env: {}, username: () => 'me', uid: me, tmpdir: scratch() })).toBe(
      '/home/me/.config/Roledeck/agent.sock',
    );
  });

  it('creates <tmp>/roledeck-<uid> owner-only when XDG_RUNTIME_DIR is not set, and uses it again', async () => {
    const tmp = scratch();
    const socket = await agentSocketPath(longHome, { platform: 'linux', env: {}, username: () => 'me', uid: me, tmpdir: tmp });
    expect(path.dirname(socket)).toBe(path.join(tmp, `roledeck-${me}`));
    expect(statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
    expect(await agentSocketPath(longHome, { platform: 'linux', env: {}, username: () => 'me', uid: me, tmpdir: tmp })).toBe(socket);
  });

  it('uses XDG_RUNTIME_DIR when it is set and private', async () => {
    const runtime = scratch();
    chmodSync(runtime, 0o700);
    const socket = await agentSocketPath(longHome, { platform: 'linux', env: { XDG_RUNTIME_DIR: runtime }, username: () => 'me', uid: me, tmpdir: scratch() });
    expect(path.dirname(socket)).toBe(runtime);
  });

  it('refuses a folder another user made first, one others can open, and a symlink planted in its place', async () => {
    const tmp = scratch();
    // Made by "us", but the user asking is another one: to that user, it belongs to someone else.
    mkdirSync(path.join(tmp, `roledeck-${me + 1}`), { mode: 0o700 });
    await expect(privateRuntimeDir({ env: {}, uid: me + 1, tmpdir: tmp })).rejects.toThrow(/belongs to another user/);

    const open = path.join(tmp, `roledeck-${me}`);
    mkdirSync(open);
    chmodSync(open, 0o755);
    await expect(privateRuntimeDir({ env: {}, uid: me, tmpdir: tmp })).rejects.toThrow(/other users can open it/);

    const other = scratch();
    const planted = scratch();
    chmodSync(planted, 0o700);
    symlinkSync(planted, path.join(other, `roledeck-${me}`));
    await expect(privateRuntimeDir({ env: {}, uid: me, tmpdir: other })).rejects.toThrow(/not a folder/);

    const sharedRuntime = scratch();
    chmodSync(sharedRuntime, 0o777);
    await expect(privateRuntimeDir({ env: { XDG_RUNTIME_DIR: sharedRuntime }, uid: me, tmpdir: tmp })).rejects.toThrow(/other users can open it/);
  });
});
