import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../../../shared/domain/profile-view';
import type { SessionView } from '../../../../../shared/domain/session';
import { credentialsText,
  accountIdOf,
  cacheText,
  refreshText,
  roleNameOf,
  sessionBadge,
  testAccessSummary,
  timeLeftText,
} from '../../../../../renderer/src/features/sessions/session-format';

const NOW = Date.UTC(2025, 5, 2, 15, 31);
const UTC = { locale: 'en-GB', timeZone: 'UTC' };

function session(overrides: Partial<SessionView> = {}): SessionView {
  return {
    profileId: 'p-acme-prod',
    profileName: 'acme-prod',
    kind: 'role',
    state: 'active',
    expiresAt: NOW + 2 * 3600_000 + 14 * 60_000,
    obtainedAt: NOW - 60_000,
    refreshAt: Date.UTC(2025, 5, 2, 17, 45),
    cachedIn: 'keychain',
    refreshNeedsMfa: false,
    accountId: '123456789012',
    arn: 'arn:aws:sts::123456789012:assumed-role/OrganizationAccountAccessRole/roledeck-consultant',
    chain: ['consultant', 'acme-prod'],
    ...overrides,
  };
}

describe('session badge', () => {
  it('maps every state to a word and a tone', () => {
    expect(sessionBadge(session({ state: 'active' }), NOW)).toEqual({ label: 'Active', tone: 'ok' });
    expect(sessionBadge(session({ state: 'refreshing' }), NOW)).toEqual({ label: 'Refreshing', tone: 'neutral' });
    expect(sessionBadge(session({ state: 'needs-mfa' }), NOW)).toEqual({ label: 'Needs MFA', tone: 'warn' });
    expect(sessionBadge(session({ state: 'expired' }), NOW)).toEqual({ label: 'Expired', tone: 'danger' });
    expect(sessionBadge(session({ state: 'failed' }), NOW)).toEqual({ label: 'Failed', tone: 'danger' });
  });

  it('reads "Expired" once the local clock passes the expiry, before the next snapshot says so', () => {
    const ending = session({ state: 'active', expiresAt: NOW + 1000 });
    expect(sessionBadge(ending, NOW).label).toBe('Active');
    expect(sessionBadge(ending, NOW + 1000).label).toBe('Expired');
  });

  it('keeps long-term keys active: they have no expiry', () => {
    const keys = session({ kind: 'user-keys', expiresAt: undefined });
    expect(sessionBadge(keys, NOW + 10 ** 9).label).toBe('Active');
    expect(timeLeftText(keys, NOW)).toBe('No expiry (long-term keys)');
  });
});

describe('what is cached where, and the next refresh', () => {
  it('names the place and the time', () => {
    expect(cacheText(session({ cachedIn: 'keychain' }), UTC)).toBe('In the OS keychain until 17:45; the CLI and credential_process reuse it');
    expect(cacheText(session({ cachedIn: 'memory' }), UTC)).toBe('In Roledeck’s memory only until 17:45; gone when Roledeck quits');
    expect(cacheText(session({ cachedIn: 'none' }), UTC)).toBe('Not cached');
  });

  it('says when the refresh happens and whether it will ask for a code', () => {
    expect(refreshText(session(), UTC)).toBe('At 17:45, without asking you');
    expect(refreshText(session({ refreshNeedsMfa: true }), UTC)).toBe('At 17:45 — will ask for an MFA code');
    expect(refreshText(session({ refreshAt: undefined }), UTC)).toBe('Not scheduled');
    expect(refreshText(session({ kind: 'user-keys', refreshAt: undefined }), UTC)).toBe('Not needed: long-term keys do not expire');
  });
});

describe('identity details', () => {
  const role = {
    kind: 'role',
    id: 'p-acme-prod',
    name: 'acme-prod',
    roleArn: 'arn:aws:iam::210987654321:role/Deployer',
    accountId: '210987654321',
    roleName: 'Deployer',
    partition: 'aws',
    sourceId: 'u',
    sourceName: 'consultant',
    chain: ['consultant', 'acme-prod'],
  } satisfies ProfileView;

  it('takes the role name from the profile, else from the assumed-role ARN', () => {
    expect(roleNameOf(session(), role)).toBe('Deployer');
    expect(roleNameOf(session(), undefined)).toBe('OrganizationAccountAccessRole');
    expect(roleNameOf(session({ arn: 'arn:aws:iam::123456789012:user/consultant' }), undefined)).toBeUndefined();
  });

  it('prefers the account the session reports over the profile', () => {
    expect(accountIdOf(session(), role)).toBe('123456789012');
    expect(accountIdOf(session({ accountId: undefined }), role)).toBe('210987654321');
  });
});

describe('Test access in words', () => {
  it('shows the identity on success', () => {
    expect(
      testAccessSummary({ ok: true, arn: 'arn:aws:sts::1:assumed-role/R/s', account: '123456789012', chain: ['a'], elapsedMs: 141.6 }),
    ).toEqual({ tone: 'ok', title: 'Access works', detail: 'Signed in as arn:aws:sts::1:assumed-role/R/s in account 123456789012 (142 ms).' });
  });

  it('shows the explanation and AWS’s own code and words on failure', () => {
    expect(
      testAccessSummary({
        ok: false,
        failedAt: 'acme-prod',
        step: 'assuming acme-prod with consultant’s keys (AssumeRole)',
        cause: 'external-id',
        explanation: 'The ExternalId differs from the one in the trust policy.',
        awsCode: 'AccessDenied',
        awsMessage: 'User is not authorized to perform: sts:AssumeRole',
        chain: ['consultant', 'acme-prod'],
      }),
    ).toEqual({
      tone: 'danger',
      title: 'Failed while assuming acme-prod with consultant’s keys (AssumeRole)',
      detail: 'The ExternalId differs from the one in the trust policy.',
      aws: 'AWS said: AccessDenied — User is not authorized to perform: sts:AssumeRole',
    });
  });

  it('calls a cancelled MFA prompt a cancelled test, not a failure of access', () => {
    const summary = testAccessSummary({ ok: false, failedAt: 'consultant', step: 'getting an MFA session for consultant (GetSessionToken)', cause: 'cancelled', explanation: 'No MFA code was given.', chain: [] });
    expect(summary.title).toBe('Test cancelled');
    expect(summary.aws).toBeUndefined();
  });

  it('names the step and the cause when nothing answered, and does not quote AWS, which said nothing', () => {
    const summary = testAccessSummary({
      ok: false,
      failedAt: 'consultant',
      step: 'checking who consultant is (GetCallerIdentity)',
      cause: 'network',
      explanation: 'Could not reach AWS STS at http://127.0.0.1:1: connection refused. Nothing reached AWS, so this says nothing about consultant’s access: check the network connection, proxy or VPN (and AWS_ENDPOINT_URL, if set), then test again.',
      chain: ['consultant'],
    });
    expect(summary.title).toBe('Failed while checking who consultant is (GetCallerIdentity)');
    expect(summary.detail).toMatch(/^Could not reach AWS STS at http:\/\/127\.0\.0\.1:1: connection refused\./);
    expect(summary.aws).toBeUndefined();
  });
});

describe('whose credentials a session came from', () => {
  const user = (name: string, mfaSerial?: string) => ({ kind: 'iam-user' as const, id: name, name, accessKeyIdMasked: 'AKIA…', hasSecret: true, ...(mfaSerial ? { mfaSerial } : {}) });
  const people = new Map([
    ['consultant', user('consultant')],
    ['mfa-user', user('mfa-user', 'arn:aws:iam::111111111111:mfa/me')],
  ]);
  const named = (name: string) => people.get(name);

  it('names the source and what of it was used, link by link', () => {
    expect(credentialsText({ kind: 'role', profileName: 'acme-prod', chain: ['consultant', 'acme-prod'] }, named)).toBe('acme-prod, assumed with consultant’s keys');
    expect(credentialsText({ kind: 'role', profileName: 'acme-prod', chain: ['mfa-user', 'acme-prod'] }, named)).toBe('acme-prod, assumed with mfa-user’s MFA session');
    expect(credentialsText({ kind: 'role', profileName: 'prod', chain: ['consultant', 'hub', 'prod'] }, named)).toBe('prod, assumed with hub’s session; hub, assumed with consultant’s keys');
    expect(credentialsText({ kind: 'user-keys', profileName: 'consultant', chain: ['consultant'] }, named)).toBe('consultant’s long-term keys');
  });
});
