import { describe, expect, it } from 'vitest';
import type { MfaPrompt } from '../../../../../shared/domain/session';
import { decideNotifications, mfaKey, promptBody, warningKey } from '../../../../../electron/main/notifications/notification-policy';

const prompt: MfaPrompt = {
  id: 'p1',
  deviceSerial: 'arn:aws:iam::123456789012:mfa/consultant',
  profileName: 'acme-prod',
  reason: 'to start an MFA session for consultant (12 h)',
  attempt: 1,
  waiting: 1,
  requestedAt: 0,
};

const away = { windowFocused: false, shown: new Set<string>() };
const looking = { windowFocused: true, shown: new Set<string>() };

describe('notification decisions', () => {
  it('raises the window and notifies when an MFA prompt opens behind other windows', () => {
    expect(decideNotifications('mfa.prompt', prompt, away)).toEqual([
      { type: 'raise-window' },
      { type: 'show', key: 'mfa:p1', title: 'Roledeck needs an MFA code for acme-prod', body: 'To start an MFA session for consultant (12 h).' },
    ]);
  });

  it('does neither while the user is already looking at the window (the dialog is in front of them)', () => {
    expect(decideNotifications('mfa.prompt', prompt, looking)).toEqual([]);
  });

  it('notifies once per prompt, even when the prompt changes (more callers waiting)', () => {
    const shown = { windowFocused: false, shown: new Set([mfaKey('p1')]) };
    expect(decideNotifications('mfa.prompt', { ...prompt, waiting: 3 }, shown)).toEqual([{ type: 'raise-window' }]);
  });

  it('says how many callers are waiting on one code', () => {
    expect(promptBody({ reason: 'to assume Deployer in 123456789012.', waiting: 3 })).toBe('To assume Deployer in 123456789012. 3 requests are waiting.');
    expect(promptBody({ reason: '', waiting: 1 })).toBe('A session needs a fresh MFA code.');
  });

  it('takes the notification away when the prompt closes', () => {
    expect(decideNotifications('mfa.closed', { promptId: 'p1', outcome: 'answered' }, { windowFocused: true, shown: new Set([mfaKey('p1')]) })).toEqual([
      { type: 'close', key: 'mfa:p1' },
    ]);
    expect(decideNotifications('mfa.closed', { promptId: 'p2', outcome: 'cancelled' }, away)).toEqual([]);
  });

  it('notifies a session warning once, replacing an older warning for the same profile, without raising the window', () => {
    const warning = { profileId: 'acme-prod', profileName: 'acme-prod', message: 'acme-prod will need an MFA code at 17:45.', at: 0 };
    const first = decideNotifications('sessions.warning', warning, looking);
    expect(first).toEqual([{ type: 'show', key: warningKey('acme-prod', warning.message), title: 'Roledeck: acme-prod', body: warning.message }]);

    const repeated = decideNotifications('sessions.warning', warning, { windowFocused: false, shown: new Set([warningKey('acme-prod', warning.message)]) });
    expect(repeated).toEqual([]);

    const newer = { ...warning, message: 'acme-prod expires in 5 min and cannot be refreshed without MFA.' };
    const shown = new Set([warningKey('acme-prod', warning.message), warningKey('beta-dev', 'other')]);
    expect(decideNotifications('sessions.warning', newer, { windowFocused: false, shown })).toEqual([
      { type: 'close', key: warningKey('acme-prod', warning.message) },
      { type: 'show', key: warningKey('acme-prod', newer.message), title: 'Roledeck: acme-prod', body: newer.message },
    ]);
  });

  it('ignores events that need no attention', () => {
    expect(decideNotifications('sessions.changed', { activeProfileId: null, sessions: [] }, away)).toEqual([]);
    expect(decideNotifications('keychain.changed', {}, away)).toEqual([]);
  });
});
