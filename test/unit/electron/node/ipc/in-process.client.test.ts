import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createRouter } from '../../../../../electron/node/app/services';
import { createInProcessClient, createRouterClient, type InProcessTarget } from '../../../../../electron/node/ipc/in-process.client';
import type { CallContext } from '../../../../../electron/node/ipc/router';
import { channels, RoledeckError, type EventName, type RequestOf, type ResponseOf, type Result } from '../../../../../shared/contract';
import { fakePorts } from '../../../../fakes/ports';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function world() {
  const { ports } = fakePorts();
  const { router, services } = createRouter(ports);
  return { router, services, ports, client: createRouterClient(router) };
}

/** A target that records every dispatch and answers from a script. */
class RecordingTarget<E extends string> implements InProcessTarget<E> {
  calls: { channel: unknown; payload: unknown; context: CallContext }[] = [];
  listeners = new Set<(event: E, payload: unknown) => void>();
  constructor(private readonly answer: (channel: unknown, payload: unknown) => Promise<Result<unknown>>) {}

  dispatch(channel: unknown, payload: unknown, context: CallContext): Promise<Result<unknown>> {
    this.calls.push({ channel, payload, context });
    return this.answer(channel, payload);
  }

  subscribe(listener: (event: E, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: E, payload: unknown): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}

describe('in-process client of the router', () => {
  it('answers a call with the value the router returns', async () => {
    const { client, ports } = world();
    await expect(client.app.info()).resolves.toEqual(ports.runtime);
  });

  it('runs a command through the router’s services, and a later call sees its effect', async () => {
    const { client } = world();
    const user = await client.profiles.addUser({ name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET });
    expect(user).toMatchObject({ kind: 'iam-user', name: 'consultant' });
    const { profiles } = await client.profiles.list();
    expect(profiles.map((profile) => profile.name)).toEqual(['consultant']);
    // The router checks responses against the contract: what comes back never carries the secret.
    expect(JSON.stringify(profiles)).not.toContain(SECRET);
  });

  it('rejects with a RoledeckError carrying the contract’s code and the message a user can act on', async () => {
    const { client } = world();
    const refused = await client.sessions.start({ profileId: 'no-such-profile' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RoledeckError);
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    expect((refused as RoledeckError).message).toContain('no-such-profile');
  });

  it('takes the router’s full request path: a request outside the contract is refused, not passed on', async () => {
    const { client } = world();
    await expect(client.profiles.addUser({ name: 'x', accessKeyId: 'not-a-key', secretAccessKey: SECRET })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('has one method per contract channel, and nothing else', () => {
    const { client } = world();
    const methods = Object.keys(channels).map((channel) => {
      const [namespace = '', method = ''] = channel.split('.');
      return { channel, method: (client as unknown as Record<string, Record<string, unknown>>)[namespace]?.[method] };
    });
    expect(methods.filter((entry) => typeof entry.method !== 'function').map((entry) => entry.channel)).toEqual([]);
    const namespaces = new Set(Object.keys(channels).map((channel) => channel.split('.')[0]));
    expect(Object.keys(client).sort()).toEqual([...namespaces, 'on'].sort());
  });

  it('delivers only the event subscribed to, and stops when unsubscribed', async () => {
    const { client, router } = world();
    const warnings: string[] = [];
    const everything: string[] = [];
    router.subscribe((event) => everything.push(event));
    const unsubscribe = client.on('sessions.warning', (payload) => warnings.push(payload.message));
    router.emit('sessions.warning', { profileId: 'p', profileName: 'acme-prod', message: 'Refreshing acme-prod will need MFA.', at: 1 });
    router.emit('settings.changed', await client.settings.get());
    unsubscribe();
    router.emit('sessions.warning', { profileId: 'p', profileName: 'acme-prod', message: 'after unsubscribe', at: 2 });
    expect(warnings).toEqual(['Refreshing acme-prod will need MFA.']);
    expect(everything).toEqual(['sessions.warning', 'settings.changed', 'sessions.warning']);
  });

  it('calls as the direct transport unless told otherwise, with an empty request when none is given', async () => {
    const target = new RecordingTarget<EventName>(async () => ({ ok: true, value: { profiles: [] } }));
    await createRouterClient(target).profiles.list();
    await createRouterClient(target, { transport: 'socket' }).profiles.list({});
    expect(target.calls).toEqual([
      { channel: 'profiles.list', payload: {}, context: { transport: 'direct' } },
      { channel: 'profiles.list', payload: {}, context: { transport: 'socket' } },
    ]);
  });

  it('lets a failure of the router itself through as it is', async () => {
    const broken = new Error('router bug');
    const client = createRouterClient(new RecordingTarget<EventName>(() => Promise.reject(broken)));
    await expect(client.app.info()).rejects.toBe(broken);
  });

  it('is built from any contract, typed by its schemas', async () => {
    const contract = {
      channels: { 'math.double': { request: z.object({ n: z.number() }).strict(), response: z.number() } },
      events: { 'math.done': z.object({ total: z.number() }) },
    };
    const target = new RecordingTarget<'math.done'>(async (_channel, payload) => ({ ok: true, value: (payload as { n: number }).n * 2 }));
    const client = createInProcessClient(contract, target);
    const totals: number[] = [];
    client.on('math.done', (payload) => totals.push(payload.total));
    target.emit('math.done', { total: 6 });
    await expect(client.math.double({ n: 21 })).resolves.toBe(42);
    expect(totals).toEqual([6]);
    expectTypeOf(client.math.double).parameter(0).toEqualTypeOf<{ n: number }>();
    expectTypeOf(client.math.double).returns.resolves.toEqualTypeOf<number>();
  });

  it('types each method by its channel: the request the contract takes, the response it gives', () => {
    const { client } = world();
    expectTypeOf(client.sessions.start).parameter(0).toEqualTypeOf<RequestOf<'sessions.start'>>();
    expectTypeOf(client.sessions.start).returns.resolves.toEqualTypeOf<ResponseOf<'sessions.start'>>();
    expectTypeOf(client.settings.get).returns.resolves.toEqualTypeOf<ResponseOf<'settings.get'>>();
  });
});
