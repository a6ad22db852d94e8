import { describe, expect, it } from 'vitest';
import { RefreshScheduler } from '../../../../../electron/node/sessions/refresh.scheduler';
import type { SessionView } from '../../../../../shared/domain/session';
import { awsError } from '../../../../fakes/scripted.sts-gateway';
import { HOUR, MINUTE, sessionWorld } from './session-world';

const SECOND = 1000;

function withScheduler(world: ReturnType<typeof sessionWorld>, random = () => 0.5) {
  const refresh = new RefreshScheduler(world.sessions, world.scheduler, world.clock, world.services.events, world.ports.logger, {
    random,
    clockFormat: { locale: 'en-GB', timeZone: 'UTC' },
  });
  refresh.start();
  return refresh;
}

function viewOf(world: ReturnType<typeof sessionWorld>, name: string): SessionView | undefined {
  return world.sessions.snapshotNow().sessions.find((session) => session.profileName === name);
}

describe('RefreshScheduler', () => {
  it('refreshes a role session 15 minutes before it expires, without a prompt', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('acme-prod', 'plain');
    const started = world.clock.now();
    await world.sessions.start('acme-prod');
    withScheduler(world);

    await world.scheduler.advance(44 * MINUTE);
    expect(world.sts.count('AssumeRole')).toBe(1);
    await world.scheduler.advance(2 * MINUTE);

    expect(world.sts.count('AssumeRole')).toBe(2);
    expect(viewOf(world, 'acme-prod')).toMatchObject({ state: 'active', obtainedAt: started + 45 * MINUTE, expiresAt: started + 45 * MINUTE + HOUR });
    expect(world.prompter.shown).toHaveLength(0);
  });

  it('refreshes a session shorter than two leads at half-life', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('short', 'plain', { durationSeconds: 900 });
    await world.sessions.start('short');
    expect(viewOf(world, 'short')?.refreshAt).toBe(world.clock.now() + 7.5 * MINUTE);
    withScheduler(world);

    await world.scheduler.advance(7 * MINUTE);
    expect(world.sts.count('AssumeRole')).toBe(1);
    await world.scheduler.advance(1 * MINUTE);
    expect(world.sts.count('AssumeRole')).toBe(2);
  });

  it('backs off with jitter after failures, stops at expiry, and shows the AWS reason', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('acme-prod', 'plain');
    await world.sessions.start('acme-prod');
    world.sts.onAssumeRole = () => awsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
    const attempts: number[] = [];
    const original = world.sts.assumeRole.bind(world.sts);
    world.sts.assumeRole = (credentials, region, input) => {
      attempts.push(world.clock.now());
      return original(credentials, region, input);
    };
    withScheduler(world, () => 0); // the low edge of the jitter: 20 % early

    await world.scheduler.advance(HOUR);

    const gaps = attempts.slice(1).map((at, index) => (at - attempts[index]!) / SECOND);
    expect(attempts[0]).toBe(Date.UTC(2026, 10, 28, 9, 45));
    // 30 s × 2^n capped at 10 min, each 20 % early with random() = 0.
    expect(gaps).toEqual([24, 48, 96, 192, 384]);
    expect(attempts.at(-1)!).toBeLessThan(Date.UTC(2026, 10, 28, 10, 0));
    const view = viewOf(world, 'acme-prod');
    expect(view).toMatchObject({ state: 'failed', error: { code: 'InvalidClientTokenId' } });
    expect(view?.error?.message).toMatch(/does not recognise the access key ID of plain/);
  });

  it('after sleep: refreshes what it can at once and marks what needs MFA as expired, without prompting', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('unattended', 'plain');
    await world.addRole('guarded', 'plain', { mfaSerial: 'arn:aws:iam::111111111111:mfa/consultant' });
    world.prompter.codes = ['123456'];
    await world.sessions.start('unattended');
    await world.sessions.start('guarded');
    const refresh = withScheduler(world);

    world.clock.advance(3 * HOUR); // the laptop slept: no timer fired meanwhile
    refresh.recheck();
    await world.scheduler.runDue();

    expect(world.sts.count('AssumeRole')).toBe(3);
    expect(viewOf(world, 'unattended')).toMatchObject({ state: 'active', expiresAt: world.clock.now() + HOUR });
    expect(viewOf(world, 'guarded')).toMatchObject({ state: 'expired', refreshNeedsMfa: true });
    expect(world.prompter.shown).toHaveLength(1);
  });

  it('notices a wall-clock jump on its own tick when nobody calls recheck', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('unattended', 'plain');
    await world.sessions.start('unattended');
    withScheduler(world);

    world.clock.advance(5 * HOUR);
    await world.scheduler.runDue();

    expect(world.sts.count('AssumeRole')).toBe(2);
    expect(viewOf(world, 'unattended')?.state).toBe('active');
  });

  it('warns ten minutes before a refresh that needs MFA, then waits for the person instead of prompting', async () => {
    const world = sessionWorld();
    world.store.document.settings.mfaSessionSeconds = 3600;
    await world.addUser();
    await world.addRole('acme-prod', 'consultant');
    world.prompter.codes = ['123456'];
    await world.sessions.start('acme-prod'); // 09:00: MFA session until 10:00, role until 10:00
    withScheduler(world);

    // 09:45 the role renews from the MFA session (still valid): no code needed, no warning.
    await world.scheduler.advance(50 * MINUTE);
    expect(world.sts.count('AssumeRole')).toBe(2);
    expect(world.eventsNamed('sessions.warning')).toEqual([]);
    expect(viewOf(world, 'acme-prod')).toMatchObject({ refreshAt: Date.UTC(2026, 10, 28, 10, 30), refreshNeedsMfa: true });

    // 10:20: ten minutes before the 10:30 refresh that will need a code.
    await world.scheduler.advance(29 * MINUTE);
    expect(world.eventsNamed('sessions.warning')).toEqual([]);
    await world.scheduler.advance(2 * MINUTE);
    expect(world.eventsNamed('sessions.warning')).toEqual([
      expect.objectContaining({ profileName: 'acme-prod', message: 'acme-prod will need an MFA code at 10:30.', at: Date.UTC(2026, 10, 28, 10, 30) }),
    ]);

    await world.scheduler.advance(10 * MINUTE); // 10:31
    expect(viewOf(world, 'acme-prod')?.state).toBe('needs-mfa');
    expect(world.prompter.shown).toHaveLength(1);
    expect(world.sts.count('GetSessionToken')).toBe(1);

    await world.scheduler.advance(15 * MINUTE); // 10:46: past the role's expiry
    expect(viewOf(world, 'acme-prod')?.state).toBe('expired');
    expect(world.eventsNamed('sessions.warning')).toHaveLength(1);

    // The person asks: now, and only now, a prompt.
    world.prompter.codes = ['654321'];
    const view = await world.sessions.refresh('acme-prod');
    expect(view).toMatchObject({ state: 'active' });
    expect(world.prompter.shown).toHaveLength(2);
  });

  it('announces every state change as a sessions.changed snapshot', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('acme-prod', 'plain');
    await world.sessions.start('acme-prod');
    withScheduler(world);
    world.events.length = 0;

    await world.scheduler.advance(46 * MINUTE);

    const states = world
      .eventsNamed('sessions.changed')
      .map((snapshot) => (snapshot as { sessions: SessionView[] }).sessions.find((session) => session.profileName === 'acme-prod')?.state);
    expect(states).toContain('refreshing');
    expect(states.at(-1)).toBe('active');
  });

  it('picks up sessions another process cached in the keychain when it starts', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('acme-prod', 'plain');
    await world.sessions.start('acme-prod');
    const { createServices } = await import('../../../../../electron/node/app/services');
    const app = createServices(world.ports);
    const refresh = new RefreshScheduler(app.sessions, world.scheduler, world.clock, app.events, world.ports.logger);

    refresh.start();
    await world.scheduler.advance(46 * MINUTE);

    expect(world.sts.count('AssumeRole')).toBe(2);
    expect(app.sessions.snapshotNow().sessions.map((session) => session.profileName)).toEqual(['acme-prod']);
  });

  it('waits for the person when a renewal turns out to need a code (the role now has its own MFA device)', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    const role = await world.addRole('acme-prod', 'plain');
    await world.sessions.start('acme-prod');
    await world.services.profiles.updateRole({
      id: role.id,
      name: 'acme-prod',
      source: 'plain',
      accountId: '222222222222',
      roleName: 'Role-acme-prod',
      mfaSerial: 'arn:aws:iam::111111111111:mfa/consultant',
    });
    withScheduler(world);

    await world.scheduler.advance(50 * MINUTE);

    expect(viewOf(world, 'acme-prod')?.state).toBe('needs-mfa');
    expect(world.sts.count('AssumeRole')).toBe(1);
    expect(world.prompter.shown).toHaveLength(0);
    expect(world.scheduler.pending().every((at) => at > world.clock.now())).toBe(true);
  });
});
