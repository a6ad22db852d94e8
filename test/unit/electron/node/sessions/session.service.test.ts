import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/node/app/services';
import { CODE_REJECTED_PROBLEM, CODE_REUSED_PROBLEM } from '../../../../../electron/node/sessions/mfa-broker';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { settle } from '../../../../fakes/fake.scheduler';
import { awsError } from '../../../../fakes/scripted.sts-gateway';
import { DEVICE, HOUR, MINUTE, sessionWorld } from './session-world';

const BAD_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('SessionService: chains', () => {
  it('resolves user → role → chained role, each hop signed by the credentials of the one before', async () => {
    const world = sessionWorld();
    const user = await world.addUser();
    const first = await world.addRole('acme-hub', 'consultant');
    const target = await world.addRole('acme-prod', 'acme-hub', { roleName: 'ExampleRoleName' });
    world.prompter.codes = ['123456'];

    const view = await world.sessions.start(target.id);

    const [token, hop1, hop2] = world.sts.calls;
    expect(world.sts.calls.map((call) => call.operation)).toEqual(['GetSessionToken', 'AssumeRole', 'AssumeRole']);
    expect(token).toMatchObject({ signedWith: 'AKIAIOSFODNN7EXAMPLE', region: 'us-east-1', input: { serialNumber: DEVICE, tokenCode: '123456', durationSeconds: 43_200 } });
    expect(hop1).toMatchObject({ signedWith: 'ASIATEMP00000001', input: { roleArn: 'arn:aws:iam::222222222222:role/Role-acme-hub', roleSessionName: 'roledeck-consultant' } });
    expect(hop2).toMatchObject({ signedWith: 'ASIATEMP00000002', input: { roleArn: 'arn:aws:iam::222222222222:role/ExampleRoleName' } });
    expect(view).toMatchObject({
      profileId: target.id,
      kind: 'role',
      state: 'active',
      chain: ['consultant', 'acme-hub', 'acme-prod'],
      arn: 'arn:aws:sts::222222222222:assumed-role/ExampleRoleName/roledeck-consultant',
      accountId: '222222222222',
      cachedIn: 'keychain',
      refreshNeedsMfa: false,
      expiresAt: world.clock.now() + HOUR,
      refreshAt: world.clock.now() + 45 * MINUTE,
    });
    expect([...world.secrets.items.keys()]).toEqual(
      expect.arrayContaining([`mfa-session/${user.id}`, `session/${first.id}`, `session/${target.id}`, 'session-index']),
    );
  });

  it('reuses one MFA session for two roles of the same user: one prompt, one GetSessionToken', async () => {
    const world = sessionWorld();
    await world.addUser();
    const a = await world.addRole('acme-prod', 'consultant');
    const b = await world.addRole('globex-dev', 'consultant');
    world.prompter.codes = ['123456'];

    await world.sessions.start(a.id);
    await world.sessions.start(b.id);

    expect(world.prompter.shown).toHaveLength(1);
    expect(world.prompter.shown[0]).toMatchObject({ deviceSerial: DEVICE, profileName: 'acme-prod', attempt: 1, reason: 'to start an MFA session for consultant (12 h)' });
    expect(world.sts.count('GetSessionToken')).toBe(1);
    expect(world.sts.count('AssumeRole')).toBe(2);
    const roleCalls = world.sts.calls.filter((call) => call.operation === 'AssumeRole');
    expect(new Set(roleCalls.map((call) => call.signedWith))).toEqual(new Set(['ASIATEMP00000001']));
  });

  it('asks ten concurrent callers needing the same MFA device once, and calls GetSessionToken once', async () => {
    const world = sessionWorld();
    await world.addUser();
    const roles = [];
    for (let index = 0; index < 10; index += 1) roles.push(await world.addRole(`customer-${index}`, 'consultant'));

    const started = roles.map((role) => world.sessions.start(role.id));
    await settle(20);
    expect(world.prompter.shown).toHaveLength(1);
    const latest = world.prompter.updates.at(-1) ?? world.prompter.shown[0];
    expect(latest?.waiting).toBe(10);
    world.prompter.answer('123456');
    const views = await Promise.all(started);

    expect(views.every((view) => view.state === 'active')).toBe(true);
    expect(world.sts.count('GetSessionToken')).toBe(1);
    expect(world.sts.count('AssumeRole')).toBe(10);
    expect(world.prompter.shown).toHaveLength(1);
  });

  it('counts ten callers of one role as ten waiting on the one prompt, and assumes the role once', async () => {
    const world = sessionWorld();
    await world.addUser();
    const role = await world.addRole('acme-prod', 'consultant');

    const started = Array.from({ length: 10 }, () => world.sessions.start(role.id));
    await settle(20);
    expect(world.prompter.shown).toHaveLength(1);
    expect((world.prompter.updates.at(-1) ?? world.prompter.shown[0])?.waiting).toBe(10);
    world.prompter.answer('123456');
    await Promise.all(started);
    expect(world.sts.count('GetSessionToken')).toBe(1);
    expect(world.sts.count('AssumeRole')).toBe(1);
  });

  it('refuses a just-used code locally and asks for the next one, without calling AWS with it', async () => {
    const world = sessionWorld();
    const user = await world.addUser();
    world.prompter.codes = ['111111'];
    await world.sessions.start(user.id);

    const refreshed = world.sessions.refresh(user.id);
    await settle();
    const first = world.prompter.current();
    expect(first?.problem).toMatch(/A code from this device was just used .*Wait for the next code/);
    world.prompter.answer('111111');
    await settle();
    expect(world.prompter.current()).toMatchObject({ attempt: 2, problem: CODE_REUSED_PROBLEM });
    expect(world.sts.count('GetSessionToken')).toBe(1);
    world.prompter.answer('222222');
    const view = await refreshed;

    expect(view).toMatchObject({ kind: 'mfa-session', state: 'active' });
    expect(world.sts.count('GetSessionToken')).toBe(2);
    expect(world.sts.calls.at(-1)?.input).toMatchObject({ tokenCode: '222222' });
  });

  it('says a code was just used when AWS rejects the code it accepted last', async () => {
    const world = sessionWorld();
    const user = await world.addUser();
    world.prompter.codes = ['111111'];
    await world.sessions.start(user.id);
    world.clock.advance(100_000); // past Roledeck's own reuse window; AWS still remembers the code
    world.sts.onGetSessionToken = (input) => (input.tokenCode === '111111' ? awsError('AccessDenied', BAD_CODE) : undefined);
    world.prompter.codes = ['111111', '333333'];

    await world.sessions.refresh(user.id);

    expect(world.prompter.shown.slice(1).map((prompt) => [prompt.attempt, prompt.problem])).toEqual([
      [1, undefined],
      [2, CODE_REUSED_PROBLEM],
    ]);
  });

  it('re-prompts with attempt 2 after AWS rejects a wrong code, and finishes the same operation with the next code', async () => {
    const world = sessionWorld();
    await world.addUser();
    const role = await world.addRole('acme-prod', 'consultant');
    world.sts.onGetSessionToken = (input) => (input.tokenCode === '000000' ? awsError('AccessDenied', BAD_CODE) : undefined);
    world.prompter.codes = ['000000', '123456'];

    const view = await world.sessions.start(role.id);

    expect(view.state).toBe('active');
    expect(world.prompter.shown.map((prompt) => [prompt.attempt, prompt.problem])).toEqual([
      [1, undefined],
      [2, CODE_REJECTED_PROBLEM],
    ]);
    expect(world.sts.calls.map((call) => call.operation)).toEqual(['GetSessionToken', 'GetSessionToken', 'AssumeRole']);
  });

  it('gives up after five rejected codes with an error that names the device', async () => {
    const world = sessionWorld();
    await world.addUser();
    const role = await world.addRole('acme-prod', 'consultant');
    world.sts.onGetSessionToken = () => awsError('AccessDenied', BAD_CODE);
    world.prompter.codes = ['100001', '100002', '100003', '100004', '100005'];

    const error = await rejection(world.sessions.start(role.id));

    expect(world.prompter.shown).toHaveLength(5);
    expect(error).toMatchObject({ code: 'AWS_ERROR', awsCode: 'AccessDenied' });
    expect((error as Error).message).toMatch(/did not accept the MFA code/);
  });

  it('cancel rejects every caller waiting on the prompt and leaves no session and no open prompt behind', async () => {
    const world = sessionWorld();
    await world.addUser();
    const roles = [await world.addRole('a-prod', 'consultant'), await world.addRole('b-prod', 'consultant'), await world.addRole('c-prod', 'consultant')];

    const started = roles.map((role) => rejection(world.sessions.start(role.id)));
    await settle(20);
    world.prompter.cancel();
    const errors = await Promise.all(started);

    for (const error of errors) expect(error).toMatchObject({ code: 'MFA_CANCELLED' });
    expect(world.sts.calls).toHaveLength(0);
    expect((await world.sessions.list()).sessions).toEqual([]);
    expect(world.prompter.current()).toBeUndefined();

    world.prompter.codes = ['123456'];
    await world.sessions.start(roles[0]!.id);
    expect(world.prompter.shown.at(-1)).toMatchObject({ attempt: 1 });
  });

  it('asks for 1 h, and says why, when a chained role (or one assumed from an MFA session) asks for 12 h', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('hub', 'plain');
    const chained = await world.addRole('chained', 'hub', { durationSeconds: 43_200 });
    const direct = await world.addRole('direct', 'plain', { durationSeconds: 43_200 });
    await world.addUser('mfa-user');
    const fromMfa = await world.addRole('from-mfa', 'mfa-user', { durationSeconds: 43_200 });
    world.prompter.codes = ['123456'];

    const chainedView = await world.sessions.start(chained.id);
    const directView = await world.sessions.start(direct.id);
    const fromMfaView = await world.sessions.start(fromMfa.id);

    const durations = world.sts.calls
      .filter((call) => call.operation === 'AssumeRole')
      .map((call) => [(call.input as { roleArn: string }).roleArn.split('/')[1], (call.input as { durationSeconds?: number }).durationSeconds]);
    expect(durations).toEqual([
      ['Role-hub', undefined],
      ['Role-chained', 3600],
      ['Role-direct', 43_200],
      ['Role-from-mfa', 3600],
    ]);
    expect(chainedView.notes?.[0]).toMatch(/chained asks for 12 h, but AWS allows at most 1 h for a role assumed from another role’s session/);
    expect(fromMfaView.notes?.[0]).toMatch(/from an MFA session.*without asking for another code/);
    expect(directView.notes).toBeUndefined();
  });

  it('sends SerialNumber and TokenCode on AssumeRole for a role with its own MFA device assumed from plain keys, and none from an MFA session', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('guarded', 'plain', { mfaSerial: DEVICE });
    await world.addUser('mfa-user');
    await world.addRole('guarded-2', 'mfa-user', { mfaSerial: DEVICE });
    world.prompter.codes = ['111111', '222222'];

    const direct = await world.sessions.start('guarded');
    await world.sessions.start('guarded-2');

    const [assumeDirect, token, assumeFromSession] = world.sts.calls;
    expect(assumeDirect).toMatchObject({ operation: 'AssumeRole', signedWith: 'AKIAIOSFODNN7EXAMPLE', input: { serialNumber: DEVICE, tokenCode: '111111' } });
    expect(token).toMatchObject({ operation: 'GetSessionToken', input: { tokenCode: '222222' } });
    expect(assumeFromSession?.input).not.toHaveProperty('tokenCode');
    expect(world.prompter.shown.map((prompt) => prompt.reason)).toEqual(['to assume guarded', 'to start an MFA session for mfa-user (12 h)']);
    expect(direct.refreshNeedsMfa).toBe(true);
  });

  it('counts a cached session within the refresh lead (15 min) as needing refresh', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    const role = await world.addRole('acme-prod', 'plain');
    await world.sessions.start(role.id);

    world.clock.advance(44 * MINUTE);
    await world.sessions.start(role.id);
    expect(world.sts.count('AssumeRole')).toBe(1);

    world.clock.advance(2 * MINUTE);
    const view = await world.sessions.start(role.id);
    expect(world.sts.count('AssumeRole')).toBe(2);
    expect(view.expiresAt).toBe(world.clock.now() + HOUR);
  });

  it('lets a restarted app (or the CLI) reuse sessions cached in the keychain without calling AWS', async () => {
    const world = sessionWorld();
    await world.addUser();
    const role = await world.addRole('acme-prod', 'consultant');
    world.prompter.codes = ['123456'];
    await world.sessions.start(role.id);
    const callsBefore = world.sts.calls.length;

    const restarted = createServices(world.ports).sessions;
    const listed = await restarted.list();
    const view = await restarted.start(role.id);

    expect(world.sts.calls).toHaveLength(callsBefore);
    expect(listed.sessions.map((session) => [session.profileName, session.kind, session.cachedIn])).toEqual([
      ['acme-prod', 'role', 'keychain'],
      ['consultant', 'mfa-session', 'keychain'],
    ]);
    expect(view.state).toBe('active');
  });

  it('does not reuse a cached session after the profile changed (another ExternalId)', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    const role = await world.addRole('acme-prod', 'plain', { externalId: 'ext-1111' });
    await world.sessions.start(role.id);
    await world.services.profiles.updateRole({ id: role.id, name: 'acme-prod', source: 'plain', accountId: '222222222222', roleName: 'Role-acme-prod', externalId: 'ext-2222' });

    await world.sessions.start(role.id);

    expect(world.sts.count('AssumeRole')).toBe(2);
    expect(world.sts.calls.at(-1)?.input).toMatchObject({ externalId: 'ext-2222' });
  });

  it('keeps the session in memory, and says so, when the keychain refuses to store it', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    const role = await world.addRole('acme-prod', 'plain');
    world.secrets.set = () => Promise.reject(new RoledeckError('KEYCHAIN_LOCKED', 'The OS keychain is locked.'));

    const view = await world.sessions.start(role.id);

    expect(view.cachedIn).toBe('memory');
    expect(world.lines.join('\n')).toMatch(/could not cache a session in the keychain/);
  });

  it('ends a session: forgotten in memory and in the keychain, so the next start asks AWS again', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    const role = await world.addRole('acme-prod', 'plain');
    await world.sessions.start(role.id);

    await world.sessions.end(role.id);

    expect(world.secrets.items.has(`session/${role.id}`)).toBe(false);
    expect((await world.sessions.list()).sessions).toEqual([]);
    await world.sessions.start(role.id);
    expect(world.sts.count('AssumeRole')).toBe(2);
  });

  it('keeps the active profile in the store settings, where a restart and the CLI see it', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    const role = await world.addRole('acme-prod', 'plain');

    const snapshot = await world.sessions.setActive(role.id);

    expect(snapshot.activeProfileId).toBe(role.id);
    expect(world.store.document.settings.activeProfileId).toBe(role.id);
    expect((await createServices(world.ports).sessions.list()).activeProfileId).toBe(role.id);
    await world.sessions.setActive(null);
    expect(world.store.document.settings.activeProfileId).toBeUndefined();
    await expect(world.sessions.setActive('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('explains an AWS refusal when starting, the way test access does', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    const role = await world.addRole('acme-prod', 'plain', { externalId: 'ext-1111' });
    world.sts.failNext(awsError('AccessDenied', 'User: arn:aws:iam::111111111111:user/consultant is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Role-acme-prod'));

    const error = await rejection(world.sessions.start(role.id));

    expect(error).toMatchObject({ code: 'AWS_ERROR', awsCode: 'AccessDenied' });
    expect((error as Error).message).toMatch(/requires an ExternalId and it differs from the one in acme-prod/);
  });

  it('refuses to prompt in a background renewal: MFA_REQUIRED, no prompt', async () => {
    const world = sessionWorld();
    await world.addUser();
    const role = await world.addRole('acme-prod', 'consultant');

    await expect(world.sessions.renew(role.id)).rejects.toMatchObject({ code: 'MFA_REQUIRED' });
    expect(world.prompter.shown).toHaveLength(0);
  });
});
