import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/node/app/services';
import { sessionWorld } from './session-world';

/*
 * An IAM user used with its long-term keys has nothing to cache, so whether it is live used to be
 * known only to the process that started it: the app listed it, `roledeck list` did not. The store
 * records it now, and every process (another window, the CLI, a restarted app) reads the same.
 */
describe('IAM users in use with their keys', () => {
  it('are live for every process over the same store, with the identity Test access found, until ended', async () => {
    const world = sessionWorld();
    const user = await world.addUser('consultant', null);
    await world.sessions.start(user.id);

    // Another process (the CLI, a restarted app): same store and keychain, nothing in memory.
    const other = createServices({ ...world.ports }).sessions;
    expect((await other.list()).sessions).toEqual([expect.objectContaining({ profileId: user.id, kind: 'user-keys', state: 'active' })]);
    expect((await other.list()).sessions[0]).not.toHaveProperty('arn');

    // Test access learns who the keys are: both show it, instead of "Not known yet".
    const result = await world.sessions.testAccess(user.id);
    expect(result.ok).toBe(true);
    const arn = result.ok ? result.arn : '';
    expect((await world.sessions.list()).sessions[0]).toMatchObject({ arn, accountId: result.ok ? result.account : '' });
    expect((await other.list()).sessions[0]).toMatchObject({ arn });

    // Ended in one, gone in the other.
    await world.sessions.end(user.id);
    expect((await other.list()).sessions).toEqual([]);
  });

  it('a copy or credential_process use of the keys counts as a use, recorded once', async () => {
    const world = sessionWorld();
    const user = await world.addUser('consultant', null);
    await world.sessions.exportable(user.id);
    await world.sessions.exportable(user.id);
    const snapshot = await world.store.read();
    expect(snapshot.settings.keySessions).toEqual([{ profileId: user.id, since: expect.any(Number) }]);
  });
});
