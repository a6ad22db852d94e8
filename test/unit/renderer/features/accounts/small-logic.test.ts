import { describe, expect, it } from 'vitest';
import { ExternalIdSchema } from '../../../../../shared/domain/aws-rules';
import { EXTERNAL_ID_LENGTH, generateExternalId } from '../../../../../renderer/src/features/accounts/external-id';
import { chainText, humanDuration } from '../../../../../renderer/src/features/accounts/profile-format';
import { profileHash, profileNameFromHash } from '../../../../../renderer/src/features/accounts/profile-link';

describe('generateExternalId', () => {
  it('makes 32 letters and digits that AWS accepts as an ExternalId, different each time', () => {
    const ids = new Set(Array.from({ length: 200 }, () => generateExternalId()));
    expect(ids.size).toBe(200);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(ExternalIdSchema.safeParse(id).success).toBe(true);
    }
    expect(EXTERNAL_ID_LENGTH).toBe(32);
  });

  it('draws again instead of folding high bytes onto the alphabet (no modulo bias)', () => {
    // 248..255 would fold onto the first characters; they must be skipped.
    let call = 0;
    const id = generateExternalId(4, (bytes) => {
      call += 1;
      bytes.fill(call === 1 ? 255 : 0);
      bytes[0] = call === 1 ? 250 : 1;
      return bytes;
    });
    expect(id).toBe('BAAA');
  });
});

describe('profile formatting', () => {
  it('writes a role chain with arrows', () => {
    expect(chainText(['consultant', 'acme-hub', 'acme-prod'])).toBe('consultant → acme-hub → acme-prod');
  });

  it('says a session duration in hours and minutes', () => {
    expect(humanDuration(900)).toBe('15 min');
    expect(humanDuration(3600)).toBe('1 h');
    expect(humanDuration(5400)).toBe('1 h 30 min');
    expect(humanDuration(43200)).toBe('12 h');
    expect(humanDuration(61)).toBe('1 min 1 s');
  });
});

describe('profile links', () => {
  it('round-trips a profile name through the hash', () => {
    for (const name of ['acme-prod', 'me@corp.example', 'a+b_c.d']) expect(profileNameFromHash(profileHash(name))).toBe(name);
  });

  it('finds no profile in section-only or malformed hashes', () => {
    expect(profileNameFromHash('#/accounts')).toBeNull();
    expect(profileNameFromHash('#/settings/x')).toBeNull();
    expect(profileNameFromHash('#/accounts/%E0%A4%A')).toBeNull();
  });
});
