import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../../electron/node/app/services';
import { IpcRouter } from '../../../../../electron/node/ipc/router';
import { settle } from '../../../../fakes/fake.scheduler';
import { sessionWorld, USER_SECRET } from './session-world';

describe('sessions over IPC', () => {
  it('never puts a session token, secret key or MFA code in sessions.start, sessions.list, test access, events or logs', async () => {
    const world = sessionWorld();
    await world.addUser();
    await world.addRole('acme-prod', 'consultant');
    const router = new IpcRouter(createHandlers(world.services), world.ports.logger);
    world.prompter.codes = ['864209'];

    const profileId = (await world.services.profiles.show('acme-prod')).id;
    const responses = [
      await router.dispatch('sessions.start', { profileId }, { transport: 'direct' }),
      await router.dispatch('sessions.list', {}, { transport: 'direct' }),
      await router.dispatch('sessions.refresh', { profileId }, { transport: 'direct' }),
      await router.dispatch('sessions.testAccess', { profileId }, { transport: 'direct' }),
    ];

    for (const response of responses) expect(response.ok).toBe(true);
    const everything = JSON.stringify({ responses, events: world.events }) + world.lines.join('\n');
    expect(everything).not.toContain(world.sts.tokenCanary);
    expect(everything).not.toContain('temporarySecret');
    expect(everything).not.toContain(USER_SECRET);
    expect(everything).not.toContain('864209');
  });

  it('answers and cancels prompts through mfa.* channels with the UI prompter', async () => {
    const world = sessionWorld({ withPrompter: false });
    await world.addUser();
    const role = await world.addRole('acme-prod', 'consultant');
    const router = new IpcRouter(createHandlers(world.services), world.ports.logger);

    const started = router.dispatch('sessions.start', { profileId: role.id }, { transport: 'direct' });
    await settle(10);
    const pending = await router.dispatch('mfa.pending', {}, { transport: 'direct' });
    const prompt = pending.ok ? (pending.value as { prompts: Array<{ id: string }> }).prompts[0] : undefined;
    expect(prompt).toBeDefined();
    expect(world.eventsNamed('mfa.prompt')).toHaveLength(1);
    expect(await router.dispatch('mfa.answer', { promptId: prompt!.id, code: '123456' }, { transport: 'direct' })).toEqual({ ok: true, value: { accepted: true } });

    expect(await started).toMatchObject({ ok: true, value: { state: 'active' } });
    expect(world.eventsNamed('mfa.closed')).toEqual([{ promptId: prompt!.id, outcome: 'answered' }]);
    expect(await router.dispatch('mfa.answer', { promptId: prompt!.id, code: '123456' }, { transport: 'direct' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
