import { describe, expect, it } from 'vitest';
import { storeCommand } from '../../../../electron/cli/commands/store.command';
import type { CliContext } from '../../../../electron/cli/context';
import { UsageError } from '../../../../electron/cli/errors';
import type { CliIo } from '../../../../electron/cli/io/terminal';
import { MemoryDocumentStore } from '../../../fakes/memory.document-store';
import { recordingLogger } from '../../../fakes/recording.logger';
import { sampleRole, sampleUser } from '../node/store/sample-profiles';

/** A store whose reset says where the file went, as the encrypted file store does. */
class FileLikeStore extends MemoryDocumentStore {
  override readonly location = '/home/me/.config/Roledeck/profiles.rdk';
  resets = 0;
  override async reset(): Promise<{ setAsideAs: string | null }> {
    this.resets += 1;
    await super.reset();
    return { setAsideAs: `${this.location}.previous-2026-01-05T10-00-00-000Z` };
  }
}

function cli(options: { tty: boolean; answer?: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const store = new FileLikeStore();
  store.document.profiles.push(sampleUser('source'), sampleRole('acme'));
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    stdinIsTty: options.tty,
    readStdin: async () => '',
    promptHidden: async () => '',
    promptLine: async (question) => {
      asked.push(question);
      return options.answer ?? '';
    },
  };
  const unused = () => Promise.reject(new Error('not used by store commands'));
  const context: CliContext = { io, env: {}, logger: recordingLogger().logger, secrets: unused, store: async () => store, profiles: unused, awsImport: unused, plaintextKeys: unused, mfa: {}, settings: unused, sessions: unused, console: unused, cloudfront: unused, cloudfrontUpload: unused, customers: unused, onboarding: unused, deploy: unused, audit: unused };
  return { context, store, out: () => out.join(''), err: () => err.join(''), asked };
}

describe('roledeck store reset', () => {
  it('says what is lost and what stays, asks on a terminal, and starts over on "yes"', async () => {
    const run = cli({ tty: true, answer: 'yes' });
    expect(await storeCommand(run.context, ['reset'])).toBe(0);
    expect(run.err()).toContain('Start over moves /home/me/.config/Roledeck/profiles.rdk aside (renamed, never deleted)');
    expect(run.err()).toContain('Roledeck will no longer have: 2 profiles, your settings and your history.');
    expect(run.err()).toContain('Kept: secrets in the OS keychain, and your ~/.aws files.');
    expect(run.asked).toEqual(['Start over? Type "yes" to continue: ']);
    expect(run.store.resets).toBe(1);
    expect(run.out()).toContain('The old store is at /home/me/.config/Roledeck/profiles.rdk.previous-2026-01-05T10-00-00-000Z.');
    expect(run.out()).toContain('roledeck profile import');
  });

  it('changes nothing when the answer is not yes', async () => {
    const run = cli({ tty: true, answer: 'n' });
    expect(await storeCommand(run.context, ['reset'])).toBe(1);
    expect(run.err()).toContain('Cancelled: nothing was changed.');
    expect(run.store.resets).toBe(0);
    expect(run.store.document.profiles).toHaveLength(2);
  });

  it('needs --yes off a terminal, and then does not ask', async () => {
    const refused = cli({ tty: false });
    await expect(storeCommand(refused.context, ['reset'])).rejects.toThrow(UsageError);
    expect(refused.store.resets).toBe(0);
    const run = cli({ tty: false });
    expect(await storeCommand(run.context, ['reset', '--yes'])).toBe(0);
    expect(run.asked).toEqual([]);
    expect(run.store.resets).toBe(1);
  });

  it('status says where the store is and whether it can be read', async () => {
    const run = cli({ tty: false });
    expect(await storeCommand(run.context, ['status', '--json'])).toBe(0);
    expect(JSON.parse(run.out())).toEqual({ state: 'ok', location: '/home/me/.config/Roledeck/profiles.rdk', message: '', profiles: 2 });
    await expect(storeCommand(run.context, ['wipe'])).rejects.toThrow('store has no command "wipe"; it has status, reset');
    await expect(storeCommand(run.context, ['reset', '--json'])).rejects.toThrow(UsageError);
  });
});
