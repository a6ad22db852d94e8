import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../../electron/node/app/services';
import { IpcRouter } from '../../../../../electron/node/ipc/router';
import type { RecordingUrlOpener } from '../../../../fakes/recording.url-opener';
import type { ScriptedFederationGateway } from '../../../../fakes/scripted.federation-gateway';
import { sessionWorld, USER_SECRET } from '../sessions/session-world';

function consoleWorld() {
  const world = sessionWorld();
  const opener = world.ports.urlOpener as RecordingUrlOpener;
  const federation = world.ports.federation as ScriptedFederationGateway;
  const router = new IpcRouter(createHandlers(world.services), world.ports.logger);
  return { ...world, opener, federation, router };
}

describe('Open console (sessions.openConsole)', () => {
  it('opens the login URL with a token for the role session, answers only where it went, and records it in the history', async () => {
    const world = consoleWorld();
    await world.addUser('consultant', null);
    const role = await world.addRole('acme-prod', 'consultant', { durationSeconds: 7200 });

    const answer = await world.router.dispatch('sessions.openConsole', { profileId: role.id, destination: 'cloudformation', region: 'eu-west-1' }, { transport: 'direct' });

    expect(answer).toEqual({ ok: true, value: { opened: true, destination: 'https://console.aws.amazon.com/cloudformation/home?region=eu-west-1', sessionSeconds: 7200 } });
    expect(world.federation.calls).toHaveLength(1);
    expect(world.federation.calls[0]!.endpoint).toBe('https://signin.aws.amazon.com/federation');
    expect(world.federation.calls[0]!.credentials.sessionToken).toContain(world.sts.tokenCanary);
    const opened = new URL(world.opener.opened[0]!);
    expect(opened.searchParams.get('SigninToken')).toBe('token-1');
    const entries = JSON.stringify((await world.store.read()).history);
    expect(entries).toContain('"action":"console"');
    expect(entries).not.toContain('token-1');
    expect(JSON.stringify(answer) + world.lines.join('\n') + entries).not.toContain(world.sts.tokenCanary);
  });

  it('asks for no SessionDuration when the role is assumed with an MFA session (temporary credentials)', async () => {
    const world = consoleWorld();
    await world.addUser();
    const role = await world.addRole('acme-prod', 'consultant', { durationSeconds: 7200 });
    world.prompter.codes = ['123456'];
    await world.services.console.open(role.id);
    expect(world.federation.calls[0]!.sessionSeconds).toBeUndefined();
  });

  it('names the set duration as a likely cause when the endpoint refuses a role assumed with one from an MFA session', async () => {
    const world = consoleWorld();
    await world.addUser();
    const role = await world.addRole('acme-prod', 'consultant', { durationSeconds: 7200 });
    world.prompter.codes = ['123456'];
    world.federation.refuseWith = 400;
    await expect(world.services.console.open(role.id)).rejects.toThrow(/remove the session duration from acme-prod and try again/);
  });

  it('uses the endpoint the settings name instead of the partition’s', async () => {
    const world = consoleWorld();
    await world.addUser('consultant', null);
    const role = await world.addRole('acme-prod', 'consultant');
    await world.services.settings.updateSettings({ federationEndpoint: 'http://127.0.0.1:9/federation' });
    await world.services.console.open(role.id);
    expect(world.federation.calls[0]!.endpoint).toBe('http://127.0.0.1:9/federation');
    expect(world.opener.opened[0]).toMatch(/^http:\/\/127\.0\.0\.1:9\/federation\?Action=login&/);
  });

  it('refuses an IAM user (long-term keys) without calling the endpoint, and records the refusal', async () => {
    const world = consoleWorld();
    const user = await world.addUser('consultant', null);
    const answer = await world.router.dispatch('sessions.openConsole', { profileId: user.id }, { transport: 'direct' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(/IAM user with long-term keys.*Add a role profile with consultant as its source/);
    expect(world.federation.calls).toEqual([]);
    expect(world.opener.opened).toEqual([]);
    expect(JSON.stringify((await world.store.read()).history)).toMatch(/"action":"console".*"result":"failed"/);
    expect(world.lines.join('\n')).not.toContain(USER_SECRET);
  });

  it('says the session was refused when the endpoint will not take it, and opens nothing', async () => {
    const world = consoleWorld();
    await world.addUser('consultant', null);
    const role = await world.addRole('acme-prod', 'consultant');
    world.federation.refuseWith = 400;
    await expect(world.services.console.open(role.id)).rejects.toThrow(/signin.aws.amazon.com refused acme-prod's session \(HTTP 400\)/);
    expect(world.opener.opened).toEqual([]);
  });
});
