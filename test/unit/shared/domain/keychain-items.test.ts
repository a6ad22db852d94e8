import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chunkPartItem,
  cloudfrontKeyItem,
  KEYCHAIN_SERVICE,
  keptAnswerItem,
  mfaSessionItem,
  parseSessionItem,
  roleSessionItem,
  SESSION_INDEX_ITEM,
  STATUS_PROBE_ITEM,
  STORE_KEY_ITEM,
  userSecretItem,
} from '../../../../shared/domain/keychain-items';

// The names are written out here on purpose: they are what users already have in their keychain,
// and what an older CLI or a newer app looks for. A rename must fail this test.
describe('keychain item names', () => {
  it('names the keychain entry of a user secret after the profile id', () => {
    expect(userSecretItem('user-0001')).toBe('user/user-0001');
  });

  it('keeps every item under the roledeck service with the names earlier versions wrote', () => {
    expect(KEYCHAIN_SERVICE).toBe('roledeck');
    expect(STORE_KEY_ITEM).toBe('store/key');
    expect(SESSION_INDEX_ITEM).toBe('session-index');
    expect(STATUS_PROBE_ITEM).toBe('status-probe');
    expect(roleSessionItem('r-1')).toBe('session/r-1');
    expect(mfaSessionItem('u-1')).toBe('mfa-session/u-1');
    expect(chunkPartItem('user/u-1', 0)).toBe('user/u-1#part1');
    expect(cloudfrontKeyItem('k-1')).toBe('cloudfront-key/k-1');
    expect(keptAnswerItem('0123abcd')).toBe('session-by-name/0123abcd');
  });

  it('tells a cached session item from any other item', () => {
    expect(parseSessionItem(roleSessionItem('r-1'))).toEqual({ kind: 'role', profileId: 'r-1' });
    expect(parseSessionItem(mfaSessionItem('u-1'))).toEqual({ kind: 'mfa-session', profileId: 'u-1' });
    // A kept by-name answer is a copy, not a cached session: writing it must not look like a session change.
    for (const other of [STORE_KEY_ITEM, SESSION_INDEX_ITEM, userSecretItem('u-1'), keptAnswerItem('0123abcd'), 'session/', 'session']) {
      expect(parseSessionItem(other)).toBeUndefined();
    }
  });

  it('imports nothing, so the quick credential_process path can bundle it for free', () => {
    const source = readFileSync(path.resolve(import.meta.dirname, '../../../../shared/domain/keychain-items.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
