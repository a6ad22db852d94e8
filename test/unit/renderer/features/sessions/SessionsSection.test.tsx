// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName, RoledeckBridge } from '../../../../../shared/contract';
import type { ProfileView } from '../../../../../shared/domain/profile-view';
import type { SessionsSnapshot, SessionView } from '../../../../../shared/domain/session';
import { SessionsSection } from '../../../../../renderer/src/features/sessions/SessionsSection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2025, 5, 2, 15, 31);

const acme: ProfileView = {
  kind: 'role',
  id: 'acme-prod',
  name: 'acme-prod',
  label: 'Acme Corp',
  color: '#3b6fe0',
  roleArn: 'arn:aws:iam::123456789012:role/Deployer',
  accountId: '123456789012',
  roleName: 'Deployer',
  partition: 'aws',
  sourceId: 'consultant',
  sourceName: 'consultant',
  chain: ['consultant', 'acme-prod'],
};
const beta: ProfileView = { ...acme, id: 'beta-dev', name: 'beta-dev', label: 'Beta', accountId: '210987654321' };

function session(profile: ProfileView, overrides: Partial<SessionView> = {}): SessionView {
  return {
    profileId: profile.id,
    profileName: profile.name,
    kind: 'role',
    state: 'active',
    expiresAt: NOW + 61_000,
    refreshAt: NOW + 30_000,
    cachedIn: 'keychain',
    refreshNeedsMfa: false,
    accountId: '123456789012',
    arn: `arn:aws:sts::123456789012:assumed-role/Deployer/roledeck`,
    chain: ['consultant', profile.name],
    ...overrides,
  };
}

/** The bridge the page would get from the preload, answering from these fields. */
const main = {
  snapshot: { activeProfileId: null, sessions: [] } as SessionsSnapshot,
  calls: [] as string[],
  answers: new Map<string, () => Promise<unknown>>(),
  listeners: new Map<string, Set<(payload: unknown) => void>>(),
  emit(event: EventName, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  },
};

const bridge: RoledeckBridge = {
  invoke: (async (channel: string, request: unknown) => {
    main.calls.push(channel);
    const answer = main.answers.get(channel);
    if (answer) {
      try {
        return { ok: true, value: await answer() };
      } catch (error) {
        return { ok: false, error: error as { code: string; message: string } };
      }
    }
    if (channel === 'profiles.list') return { ok: true, value: { profiles: [acme, beta] } };
    if (channel === 'sessions.list') return { ok: true, value: main.snapshot };
    if (channel === 'sessions.setActive') {
      main.snapshot = { ...main.snapshot, activeProfileId: (request as { profileId: string }).profileId };
      return { ok: true, value: main.snapshot };
    }
    throw new Error(`unexpected ${channel}`);
  }) as RoledeckBridge['invoke'],
  on: ((event: string, listener: (payload: unknown) => void) => {
    const set = main.listeners.get(event) ?? new Set();
    set.add(listener);
    main.listeners.set(event, set);
    return () => set.delete(listener);
  }) as RoledeckBridge['on'],
};

describe('Sessions section', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeAll(() => {
    Object.defineProperty(window, 'roledeck', { value: bridge, configurable: true });
  });

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: NOW });
    main.calls = [];
    main.answers.clear();
    main.snapshot = { activeProfileId: null, sessions: [] };
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.useRealTimers();
  });

  async function render(): Promise<void> {
    await act(async () => root.render(<SessionsSection />));
  }

  const text = (): string => container.textContent ?? '';
  const button = (name: string): HTMLButtonElement => {
    const found = [...container.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === name);
    if (!found) throw new Error(`no button "${name}"`);
    return found;
  };

  it('counts down every second from expiresAt without asking the main side again', async () => {
    main.snapshot = { activeProfileId: 'acme-prod', sessions: [session(acme)] };
    await render();
    const countdown = (): string => container.querySelector('[data-testid="active-session"] [data-testid="countdown"]')?.textContent ?? '';
    expect(countdown()).toBe('1 min left');
    const calls = main.calls.length;
    await act(async () => vi.advanceTimersByTime(2000));
    expect(countdown()).toBe('59 s left');
    await act(async () => vi.advanceTimersByTime(60_000));
    expect(countdown()).toBe('expired 1 s ago');
    expect(container.querySelector('[data-testid="active-session"] [data-testid="session-state"]')?.textContent).toBe('Expired');
    expect(main.calls.length).toBe(calls);
  });

  it('shows the session in use with its account, role, assumed ARN and cache', async () => {
    main.snapshot = { activeProfileId: 'acme-prod', sessions: [session(acme)] };
    await render();
    const card = container.querySelector('[data-testid="active-session"]')!;
    expect(card.textContent).toContain('acme-prod');
    expect(card.textContent).toContain('Acme Corp');
    expect(card.textContent).toContain('123456789012');
    expect(card.textContent).toContain('Deployer');
    expect(card.querySelector('[data-testid="session-arn"]')?.textContent).toBe('arn:aws:sts::123456789012:assumed-role/Deployer/roledeck');
    expect(card.textContent).toContain('In the OS keychain until');
    // The customer colour is an SVG fill attribute, never a style attribute (the CSP forbids those).
    expect(card.querySelector('svg rect')?.getAttribute('fill')).toBe('#3b6fe0');
    expect(container.querySelector('[style]')).toBeNull();
  });

  it('follows sessions.changed and makes another session active', async () => {
    await render();
    expect(text()).toContain('Sessions you start appear here');
    main.snapshot = { activeProfileId: 'acme-prod', sessions: [session(acme), session(beta)] };
    await act(async () => main.emit('sessions.changed', main.snapshot));
    expect(container.querySelectorAll('[data-testid="session-row"]')).toHaveLength(2);
    await act(async () => button('Make active beta-dev').click());
    expect(main.calls).toContain('sessions.setActive');
    expect(container.querySelector('#active-session-title')?.textContent).toBe('beta-dev');
  });

  it('ends a start whose MFA prompt was cancelled with a calm note, and no spinner left', async () => {
    let reject: (error: unknown) => void = () => undefined;
    main.answers.set('sessions.start', () => new Promise((_resolve, fail) => (reject = fail)));
    await render();
    await act(async () => button('Start session').click());
    expect(button('Starting…').getAttribute('aria-busy')).toBe('true');
    await act(async () =>
      reject({ code: 'MFA_CANCELLED', message: 'The MFA prompt for acme-prod was cancelled, so nothing was started. Start it again when your device is at hand.' }),
    );
    expect(button('Start session').getAttribute('aria-busy')).toBeNull();
    expect(container.querySelector('.spinner')).toBeNull();
    const note = container.querySelector('[data-testid="session-outcome"]')!;
    expect(note.textContent).toContain('was cancelled, so nothing was started');
    expect(note.className).toContain('action-note--warn');
  });

  it('says plainly when the sessions cannot be listed, with a way to try again', async () => {
    main.answers.set('sessions.list', () => Promise.reject({ code: 'KEYCHAIN_LOCKED', message: 'Your keychain is locked.' }));
    await render();
    const failed = container.querySelector('[data-testid="remote-failed"]');
    expect(failed?.textContent).toContain('Roledeck could not list your sessions');
    expect(failed?.textContent).toContain('Your keychain is locked.');
    // The keychain banner at the top of the window announces a locked keychain; this panel does not again.
    expect(container.querySelector('[role="alert"]')).toBeNull();
    main.answers.delete('sessions.list');
    await act(async () => button('Try again').click());
    expect(text()).toContain('No live sessions');
  });
});
