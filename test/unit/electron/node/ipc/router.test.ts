import { describe, expect, it } from 'vitest';
import { createHandlers, createServices } from '../../../../../electron/node/app/services';
import { IpcRouter, type Handlers } from '../../../../../electron/node/ipc/router';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { fakePorts } from '../../../../fakes/ports';

function routerWith(overrides: Partial<Handlers> = {}) {
  const { ports, lines } = fakePorts();
  const handlers = { ...createHandlers(createServices(ports)), ...overrides };
  return { router: new IpcRouter(handlers, ports.logger), lines, runtime: ports.runtime };
}

describe('IpcRouter', () => {
  it('answers a contract channel with its value', async () => {
    const { router, runtime } = routerWith();
    const result = await router.dispatch('app.info', {}, { transport: 'direct' });
    expect(result).toEqual({ ok: true, value: { ...runtime } });
  });

  it('refuses a channel that is not in the contract', async () => {
    const { router } = routerWith();
    const result = await router.dispatch('keychain.readAll', {}, { transport: 'direct' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses prototype keys posing as channel names', async () => {
    const { router } = routerWith();
    const result = await router.dispatch('constructor', {}, { transport: 'direct' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses a payload with fields the contract does not know, naming the problem', async () => {
    const { router } = routerWith();
    const result = await router.dispatch('app.info', { sneaky: 'value-not-echoed' }, { transport: 'direct' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_REQUEST');
      expect(result.error.message).toMatch(/app\.info/);
      expect(result.error.message).not.toContain('value-not-echoed');
    }
  });

  it('passes a domain error through as data with its code', async () => {
    const { router } = routerWith({
      'keychain.status': () => {
        throw new RoledeckError('KEYCHAIN_LOCKED', 'The OS keychain is locked. Unlock it and try again.');
      },
    });
    const result = await router.dispatch('keychain.status', {}, { transport: 'direct' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED', message: 'The OS keychain is locked. Unlock it and try again.' },
    });
  });

  it('hides an unexpected failure behind INTERNAL and logs it without the secret in it', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const { router, lines } = routerWith({
      'keychain.status': () => {
        throw new Error(`boom aws_secret_access_key=${secret}`);
      },
    });
    const result = await router.dispatch('keychain.status', {}, { transport: 'direct' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(lines.join('')).toContain('handler failed');
    expect(lines.join('')).not.toContain(secret);
  });

  it('strips a field outside the contract from a response before it is sent', async () => {
    const { router } = routerWith({
      'keychain.status': () => ({ backend: 'memory', state: 'ready', message: '', secretAccessKey: 'leak' }) as never,
    });
    const result = await router.dispatch('keychain.status', {}, { transport: 'direct' });
    // zod objects strip unknown keys; a stripped key must not survive into the value.
    expect(JSON.stringify(result)).not.toContain('leak');
  });

  it('delivers validated events to subscribers and drops malformed ones', () => {
    const { router, lines } = routerWith();
    const seen: unknown[] = [];
    const unsubscribe = router.subscribe((event, payload) => seen.push({ event, payload }));
    router.emit('keychain.changed', { backend: 'memory', state: 'locked', message: 'locked' });
    router.emit('keychain.changed', { state: 'nonsense' } as never);
    unsubscribe();
    router.emit('keychain.changed', { backend: 'memory', state: 'ready', message: '' });
    expect(seen).toEqual([{ event: 'keychain.changed', payload: { backend: 'memory', state: 'locked', message: 'locked' } }]);
    expect(lines.join('')).toContain('event payload outside the contract');
  });
});
