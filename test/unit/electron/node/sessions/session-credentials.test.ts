import { describe, expect, it } from 'vitest';
import { settle } from '../../../../fakes/fake.scheduler';
import { HOUR, sessionWorld, USER_SECRET } from './session-world';

// SessionService.credentials: how features that call AWS themselves (deploys, CloudFront key
// uploads, onboarding checks) get a profile's session credentials.
describe('SessionService.credentials', () => {
  it('hands out the role session’s credentials, assuming the role once and reusing it while fresh', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    const role = await world.addRole('acme-prod', 'plain');

    const first = await world.sessions.credentials(role.id);
    const again = await world.sessions.credentials('acme-prod');

    expect(first).toMatchObject({ accessKeyId: expect.stringMatching(/^ASIA/), sessionToken: expect.stringContaining(world.sts.tokenCanary), expiresAt: world.clock.now() + HOUR });
    expect(again).toEqual(first);
    expect(world.sts.count('AssumeRole')).toBe(1);
    expect((await world.sessions.list()).sessions.map((view) => view.profileName)).toEqual(['acme-prod']);
  });

  it('shares the one MFA prompt with a start of another role of the same user', async () => {
    const world = sessionWorld();
    await world.addUser();
    const deploy = await world.addRole('acme-deploy', 'consultant');
    const prod = await world.addRole('acme-prod', 'consultant');

    const forDeploy = world.sessions.credentials(deploy.id);
    const started = world.sessions.start(prod.id);
    await settle(20);
    expect(world.prompter.shown).toHaveLength(1);
    world.prompter.answer('123456');

    const credentials = await forDeploy;
    expect((await started).state).toBe('active');
    expect(credentials.sessionToken).toBeDefined();
    expect(world.sts.count('GetSessionToken')).toBe(1);
  });

  it('asks nobody when told not to: MFA_REQUIRED, no prompt, no AWS call', async () => {
    const world = sessionWorld();
    await world.addUser();
    const role = await world.addRole('acme-prod', 'consultant');

    await expect(world.sessions.credentials(role.id, { interactive: false })).rejects.toMatchObject({ code: 'MFA_REQUIRED' });
    expect(world.prompter.shown).toHaveLength(0);
    expect(world.sts.calls).toHaveLength(0);
  });

  it('returns an IAM user’s own keys when it has no MFA device, and never announces them', async () => {
    const world = sessionWorld();
    const user = await world.addUser('plain', null);

    const credentials = await world.sessions.credentials(user.id);

    expect(credentials).toEqual({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: USER_SECRET });
    expect(JSON.stringify(world.events)).not.toContain(USER_SECRET);
    expect(world.lines.join('\n')).not.toContain(USER_SECRET);
  });
});
