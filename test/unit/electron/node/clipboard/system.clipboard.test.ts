import { describe, expect, it } from 'vitest';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { SystemClipboard, type ClipboardLibrary, type ClipboardRunner } from '../../../../../electron/node/clipboard/system.clipboard';

/** clipboardy's stand-in: what it was asked to write, and whether it can reach a clipboard. */
function fakeLibrary(options: { fails?: boolean } = {}) {
  const calls: string[] = [];
  let text = '';
  const library: ClipboardLibrary = {
    write: async (value) => {
      calls.push(`write:${value}`);
      if (options.fails) throw new Error("Couldn't find the `xsel` binary and fallback didn't work.");
      text = value;
    },
    read: async () => {
      if (options.fails) throw new Error('Both xsel and fallback failed');
      return text;
    },
  };
  return { library, calls, current: () => text };
}

/** The platform tools: what ran with which arguments and input; `missing` ones fail as ENOENT would. */
function fakeRunner(missing: readonly string[] = []) {
  const runs: Array<{ file: string; args: readonly string[]; input?: string | undefined }> = [];
  const run: ClipboardRunner = async (file, args, { input }) => {
    runs.push({ file, args, input });
    if (missing.includes(file) || missing.includes(`${file} ${args.join(' ')}`)) throw new Error(`spawn ${file} ENOENT`);
    return '';
  };
  return { run, runs };
}

describe('SystemClipboard', () => {
  it('on Wayland copies with wl-copy --sensitive, so KDE-style clipboard managers skip the credential', async () => {
    const { library, calls } = fakeLibrary();
    const { run, runs } = fakeRunner();
    const clipboard = new SystemClipboard({ env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', library: async () => library, run });
    await clipboard.writeConcealed('export AWS_SECRET_ACCESS_KEY=x');
    expect(runs).toEqual([{ file: 'wl-copy', args: ['--sensitive'], input: 'export AWS_SECRET_ACCESS_KEY=x' }]);
    expect(calls).toEqual([]);
  });

  it('on Wayland with a wl-copy too old for --sensitive, still copies (unmarked) through clipboardy', async () => {
    const { library, calls } = fakeLibrary();
    const { run } = fakeRunner(['wl-copy --sensitive']);
    const clipboard = new SystemClipboard({ env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', library: async () => library, run });
    await clipboard.writeConcealed('secret export');
    expect(calls).toEqual(['write:secret export']);
  });

  it('on X11 copies through clipboardy, and through xclip when clipboardy’s xsel cannot run', async () => {
    const ok = fakeLibrary();
    const x11 = new SystemClipboard({ env: { DISPLAY: ':0' }, platform: 'linux', library: async () => ok.library, run: fakeRunner().run });
    await x11.writeConcealed('secret export');
    expect(ok.calls).toEqual(['write:secret export']);

    const broken = fakeLibrary({ fails: true });
    const { run, runs } = fakeRunner();
    const fallback = new SystemClipboard({ env: { DISPLAY: ':0' }, platform: 'linux', library: async () => broken.library, run });
    await fallback.writeConcealed('secret export');
    expect(runs).toEqual([{ file: 'xclip', args: ['-selection', 'clipboard', '-i'], input: 'secret export' }]);
  });

  it('with no display at all, refuses with CLIPBOARD_UNAVAILABLE and the reason, before running anything', async () => {
    const { library, calls } = fakeLibrary();
    const { run, runs } = fakeRunner();
    const clipboard = new SystemClipboard({ env: {}, platform: 'linux', library: async () => library, run });
    const error = await clipboard.writeConcealed('secret').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RoledeckError);
    expect((error as RoledeckError).code).toBe('CLIPBOARD_UNAVAILABLE');
    expect((error as RoledeckError).message).toBe(
      'No clipboard could be reached: this session has no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set), so it has no clipboard.',
    );
    expect(calls).toEqual([]);
    expect(runs).toEqual([]);
  });

  it('on X11 with neither xsel nor xclip, says which tools to install; the secret is not in the message', async () => {
    const broken = fakeLibrary({ fails: true });
    const { run } = fakeRunner(['xclip']);
    const clipboard = new SystemClipboard({ env: { DISPLAY: ':0' }, platform: 'linux', library: async () => broken.library, run });
    const error = (await clipboard.writeConcealed('AKIA-secret-text').catch((caught: unknown) => caught)) as RoledeckError;
    expect(error.code).toBe('CLIPBOARD_UNAVAILABLE');
    expect(error.message).toContain('neither xsel nor xclip could write to the X display :0');
    expect(error.message).toContain('Install xclip or xsel for X11, or wl-clipboard for Wayland');
    expect(error.message).not.toContain('AKIA-secret-text');
  });

  it('on macOS and Windows goes through clipboardy (pbcopy, Set-Clipboard) whatever DISPLAY says', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { library, calls } = fakeLibrary();
      const clipboard = new SystemClipboard({ env: {}, platform, library: async () => library, run: fakeRunner().run });
      await clipboard.writeConcealed('secret export');
      expect(calls).toEqual(['write:secret export']);
    }
  });

  it('clears with wl-copy --clear on Wayland and by writing nothing elsewhere', async () => {
    const wayland = fakeRunner();
    await new SystemClipboard({ env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', library: async () => fakeLibrary().library, run: wayland.run }).clear();
    expect(wayland.runs).toEqual([{ file: 'wl-copy', args: ['--clear'], input: undefined }]);

    const x11 = fakeLibrary();
    const clipboard = new SystemClipboard({ env: { DISPLAY: ':0' }, platform: 'linux', library: async () => x11.library, run: fakeRunner().run });
    await clipboard.writeConcealed('secret');
    await clipboard.clear();
    expect(x11.current()).toBe('');
    expect(await clipboard.readText()).toBe('');
  });
});
