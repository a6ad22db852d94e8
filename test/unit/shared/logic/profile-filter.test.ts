import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildProfileSearchIndex,
  filterProfiles,
  MATCH_RANK,
  rankProfile,
  searchTextOf,
  type SearchableProfile,
} from '../../../../shared/logic/profile-filter';

const role = (name: string, extra: Partial<SearchableProfile> = {}): SearchableProfile => ({
  name,
  accountId: '111122223333',
  roleName: 'Deploy',
  roleArn: 'arn:aws:iam::111122223333:role/Deploy',
  sourceName: 'consultant',
  chain: ['consultant', name],
  ...extra,
});
const user = (name: string, extra: Partial<SearchableProfile> = {}): SearchableProfile => ({ name, ...extra });

const names = (profiles: readonly SearchableProfile[]) => profiles.map((profile) => profile.name);

/** 2,000 profiles shaped like a consultant's: 40 customers × (1 hub + 48 roles) + 40 users. */
function manyProfiles(): SearchableProfile[] {
  const profiles: SearchableProfile[] = [];
  for (let c = 0; c < 40; c += 1) {
    const customer = `customer${String(c).padStart(2, '0')}`;
    const account = String(100000000000 + c * 7919);
    profiles.push(user(`${customer}-user`, { label: `Customer ${c}` }));
    profiles.push(role(`${customer}-hub`, { label: `Customer ${c}`, accountId: account }));
    for (let r = 0; r < 48; r += 1) {
      profiles.push(
        role(`${customer}-${r % 2 ? 'prod' : 'stage'}-${r}`, {
          label: `Customer ${c}`,
          accountId: account,
          roleName: `Role${r}`,
          roleArn: `arn:aws:iam::${account}:role/Role${r}`,
          sourceName: `${customer}-hub`,
          chain: [`${customer}-user`, `${customer}-hub`, `${customer}-${r}`],
        }),
      );
    }
  }
  return profiles;
}

describe('filterProfiles', () => {
  const profiles = [
    role('acme-prod-10'),
    role('acme-prod', { label: 'Acme Corp', accountId: '123456789012', roleName: 'Admin', roleArn: 'arn:aws:iam::123456789012:role/Admin' }),
    role('staging-acme'),
    user('consultant', { label: 'Me' }),
    role('globex-prod', { label: 'Globex', accountId: '210987654321', roleArn: 'arn:aws:iam::210987654321:role/ExampleRoleName', roleName: 'ExampleRoleName' }),
    role('acme-prod-1'),
    role('x-acme-prod'),
  ];
  const index = buildProfileSearchIndex(profiles);

  it('returns every profile, in order, for a blank query', () => {
    expect(filterProfiles(index, '')).toEqual(profiles);
    expect(filterProfiles(index, '   ')).toEqual(profiles);
  });

  it('puts the exact name first, then names starting with the query, then parts of names, then other fields', () => {
    expect(names(filterProfiles(index, 'acme-prod'))).toEqual(['acme-prod', 'acme-prod-10', 'acme-prod-1', 'x-acme-prod']);
    expect(names(filterProfiles(index, 'prod'))).toEqual(['acme-prod-10', 'acme-prod', 'globex-prod', 'acme-prod-1', 'x-acme-prod']);
    expect(names(filterProfiles(index, 'acme'))).toEqual(['acme-prod-10', 'acme-prod', 'acme-prod-1', 'staging-acme', 'x-acme-prod']);
  });

  it('ranks a name containing the query mid-word below one where a part of the name starts with it', () => {
    const ranked = buildProfileSearchIndex([user('preprod'), user('acme-prod')]);
    expect(names(filterProfiles(ranked, 'prod'))).toEqual(['acme-prod', 'preprod']);
    expect(rankProfile(user('preprod'), 'prod')).toBe(MATCH_RANK.nameSubstring);
    expect(rankProfile(user('acme-prod'), 'prod')).toBe(MATCH_RANK.nameSegmentPrefix);
  });

  it('ignores case in the query and in the profile', () => {
    expect(names(filterProfiles(index, 'ACME-PROD'))[0]).toBe('acme-prod');
    expect(names(filterProfiles(index, 'acme corp'))).toEqual(['acme-prod']);
    expect(names(filterProfiles(index, 'examplerolename'))).toEqual(['globex-prod']);
  });

  it('finds profiles by label, account ID, role name, role ARN and source', () => {
    expect(names(filterProfiles(index, 'Globex'))).toEqual(['globex-prod']);
    expect(names(filterProfiles(index, '123456789012'))).toEqual(['acme-prod']);
    expect(names(filterProfiles(index, '2109876'))).toEqual(['globex-prod']);
    expect(names(filterProfiles(index, 'admin'))).toEqual(['acme-prod']);
    expect(names(filterProfiles(index, 'role/examplerole'))).toEqual(['globex-prod']);
    expect(names(filterProfiles(index, 'consultant'))[0]).toBe('consultant');
    expect(filterProfiles(index, 'consultant')).toHaveLength(profiles.length);
  });

  it('needs every word of a multi-word query, in any field', () => {
    expect(names(filterProfiles(index, 'acme admin'))).toEqual(['acme-prod']);
    expect(names(filterProfiles(index, 'globex 123456789012'))).toEqual([]);
  });

  it('never matches across two fields', () => {
    // "Me" (label) followed by nothing else: "me\n" must not join with the next field.
    expect(searchTextOf(user('consultant', { label: 'Me' })).key).toBe('consultant\nme');
    expect(names(filterProfiles(index, 'consultantme'))).toEqual([]);
  });

  it('accepts characters in order only when asked to (the palette), and ranks those last', () => {
    expect(names(filterProfiles(index, 'acmprd'))).toEqual([]);
    expect(names(filterProfiles(index, 'acmprd', { fuzzy: true }))).toEqual(['acme-prod-10', 'acme-prod', 'acme-prod-1', 'x-acme-prod']);
    expect(names(filterProfiles(index, 'globex', { fuzzy: true }))).toEqual(['globex-prod']);
  });

  it('stops at the limit, keeping the best matches', () => {
    expect(names(filterProfiles(index, 'acme-prod', { limit: 2 }))).toEqual(['acme-prod', 'acme-prod-10']);
    expect(filterProfiles(index, '', { limit: 3 })).toHaveLength(3);
  });

  it('builds each profile’s search text once and reuses it', () => {
    const profile = role('cached');
    expect(searchTextOf(profile)).toBe(searchTextOf(profile));
    expect(buildProfileSearchIndex([profile]).texts[0]).toBe(searchTextOf(profile));
  });

  it('every result contains the query somewhere, and everything containing it is a result', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdeprod-19 '), minLength: 1, maxLength: 6 });
    const big = buildProfileSearchIndex(manyProfiles().slice(0, 300));
    fc.assert(
      fc.property(word, (query) => {
        const found = new Set(filterProfiles(big, query));
        const tokens = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
        for (const [i, profile] of big.profiles.entries()) {
          const key = big.texts[i]!.key;
          const expected = tokens.length === 0 || tokens.every((token) => key.includes(token)) || key.split('\n')[0]!.includes(tokens.join(' '));
          expect(found.has(profile)).toBe(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds the right profile among 2,000 at every keystroke (speed is measured by npm run bench)', () => {
    const big = buildProfileSearchIndex(manyProfiles());
    const query = 'customer17-prod-2';
    for (let length = 1; length <= query.length; length += 1) {
      expect(filterProfiles(big, query.slice(0, length)).length).toBeGreaterThan(0);
    }
    expect(names(filterProfiles(big, query))[0]).toBe('customer17-prod-21');
  });
});
