import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRoleAllowed,
  describeRoleAllowList,
  isRoleNameAllowed,
  RoleAllowListSchema,
  roleNameMatches,
  RoleNamePatternSchema,
} from '../../../../shared/logic/role-allow-list';

const arn = (roleName: string, path = '') => `arn:aws:iam::123456789012:role/${path}${roleName}`;
const roleNameCharacters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-';
const roleName = fc.string({ unit: fc.constantFrom(...roleNameCharacters), minLength: 1, maxLength: 64 });

describe('an empty allow-list', () => {
  it('accepts every role', () => {
    expect(checkRoleAllowed(arn('Anything'), [])).toEqual({ ok: true });
    fc.assert(fc.property(roleName, (name) => checkRoleAllowed(arn(name), []).ok));
  });
});

describe('an allow-list of exact names', () => {
  it('accepts the role named in the customer walkthrough and rejects another', () => {
    expect(checkRoleAllowed(arn('ExampleRoleName'), ['ExampleRoleName'])).toEqual({ ok: true });
    const result = checkRoleAllowed(arn('AdministratorAccess'), ['ExampleRoleName']);
    expect(result).toEqual({
      ok: false,
      message:
        'The role "AdministratorAccess" is not allowed: this installation accepts only roles named "ExampleRoleName". ' +
        'To accept it, add it in Settings → Allowed role names.',
    });
  });

  it('compares the role name, not the path or the account', () => {
    expect(checkRoleAllowed(arn('ExampleRoleName', 'customers/acme/'), ['ExampleRoleName']).ok).toBe(true);
    expect(checkRoleAllowed('arn:aws-cn:iam::999999999999:role/ExampleRoleName', ['ExampleRoleName']).ok).toBe(true);
    expect(checkRoleAllowed(arn('Other', 'ExampleRoleName/'), ['ExampleRoleName']).ok).toBe(false);
  });

  it('is case-sensitive, as ARNs are, and says so when only the case differs', () => {
    const result = checkRoleAllowed(arn('exampleRoleName'), ['ExampleRoleName']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('case-sensitive');
    const unrelated = checkRoleAllowed(arn('Other'), ['ExampleRoleName']);
    if (!unrelated.ok) expect(unrelated.message).not.toContain('case-sensitive');
  });

  it('does not treat dots or plus signs in a name as pattern syntax', () => {
    expect(isRoleNameAllowed('RoleXname', ['Role.name'])).toBe(false);
    expect(isRoleNameAllowed('Role.name', ['Role.name'])).toBe(true);
    expect(isRoleNameAllowed('Rolee', ['Role+'])).toBe(false);
    expect(isRoleNameAllowed('Role+', ['Role+'])).toBe(true);
  });

  it('accepts any role whose name is on the list, whatever else is on it', () => {
    fc.assert(
      fc.property(roleName, fc.array(roleName, { maxLength: 5 }), (name, others) =>
        checkRoleAllowed(arn(name), [...others, name]).ok,
      ),
    );
  });
});

describe('wildcard patterns', () => {
  it('matches Roledeck-* against names with that prefix only', () => {
    expect(roleNameMatches('Roledeck-Deploy', 'Roledeck-*')).toBe(true);
    expect(roleNameMatches('Roledeck-', 'Roledeck-*')).toBe(true);
    expect(roleNameMatches('Roledeck', 'Roledeck-*')).toBe(false);
    expect(roleNameMatches('MyRoledeck-Deploy', 'Roledeck-*')).toBe(false);
  });

  it('matches * in the middle and at the start', () => {
    expect(roleNameMatches('acme-ReadOnly-2024', 'acme-*-2024')).toBe(true);
    expect(roleNameMatches('acme-ReadOnly-2025', 'acme-*-2024')).toBe(false);
    expect(roleNameMatches('CustomerReadOnly', '*ReadOnly')).toBe(true);
    expect(roleNameMatches('anything', '*')).toBe(true);
  });

  it('lists every pattern in the refusal, so the user sees what is accepted', () => {
    const result = checkRoleAllowed(arn('Admin'), ['ExampleRoleName', 'Roledeck-*', 'acme-*']);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('"Admin"');
      expect(result.message).toContain('"ExampleRoleName", "Roledeck-*" or "acme-*"');
      expect(result.message).toContain('Settings → Allowed role names');
    }
  });
});

describe('a value that is not a role ARN', () => {
  it('is refused with the role ARN rule, even when every role is allowed', () => {
    for (const list of [[], ['*']]) {
      const result = checkRoleAllowed('ExampleRoleName', list);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toBe('This is a role name, not an ARN: a role ARN looks like arn:aws:iam::123456789012:role/RoleName');
    }
  });
});

describe('allow-list validation', () => {
  it('accepts role names and * wildcards', () => {
    for (const pattern of ['ExampleRoleName', 'Roledeck-*', '*', 'a*b*c', 'team+ops@acme.com,x=y_1']) {
      expect(RoleNamePatternSchema.safeParse(pattern).success, pattern).toBe(true);
    }
    expect(RoleAllowListSchema.safeParse([]).success).toBe(true);
    expect(RoleAllowListSchema.safeParse(['ExampleRoleName', 'Roledeck-*']).success).toBe(true);
  });

  it.each([
    ['an empty pattern', '', '1–64 characters'],
    ['a 65-character pattern', 'x'.repeat(65), '1–64 characters'],
    ['a path', 'customers/Deploy', 'only letters, digits'],
    ['a full ARN', 'arn:aws:iam::123456789012:role/Deploy', 'only letters, digits'],
    ['a question-mark wildcard', 'Role?', 'only letters, digits'],
    ['a space', 'Example Role', 'only letters, digits'],
  ])('rejects %s, naming the rule', (_, pattern, rule) => {
    const result = RoleNamePatternSchema.safeParse(pattern);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(rule);
  });

  it('rejects a list with the same pattern twice', () => {
    const result = RoleAllowListSchema.safeParse(['Roledeck-*', 'Roledeck-*']);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('appears once');
  });

  it('never lets a pattern with characters no role name holds match a role', () => {
    fc.assert(fc.property(roleName, (name) => !isRoleNameAllowed(name, ['Role?', '[a-z]+', 'a b*', 'x/*'])));
  });
});

describe('describing the list', () => {
  it('joins patterns the way a sentence would', () => {
    expect(describeRoleAllowList(['A'])).toBe('"A"');
    expect(describeRoleAllowList(['A', 'B'])).toBe('"A" or "B"');
    expect(describeRoleAllowList(['A', 'B', 'C'])).toBe('"A", "B" or "C"');
  });
});
