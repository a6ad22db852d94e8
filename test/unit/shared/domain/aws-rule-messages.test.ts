import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AccessKeyIdSchema,
  AccountIdSchema,
  ExternalIdSchema,
  MfaSerialSchema,
  RegionSchema,
  RoleArnSchema,
  RoleDurationSchema,
  RoleNameSchema,
  RoleSessionNameSchema,
  RULE_HINTS,
  SecretAccessKeySchema,
  SessionTagsSchema,
  SessionTokenDurationSchema,
  SourceIdentitySchema,
} from '../../../../shared/domain/aws-rules';
import { asClause, fieldMessage } from '../../../../shared/domain/rule-message';

/** The message a person sees for one bad value: the first issue, and where it points. */
function refusal(schema: z.ZodType, value: unknown): { path: string; message: string } {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`accepted ${JSON.stringify(value)}`);
  const issue = result.error.issues[0]!;
  return { path: issue.path.map(String).join('.'), message: issue.message };
}

const ARN = 'arn:aws:iam::123456789012:role/RoleName';
const EXTERNAL_ID_CHARS = 'letters, digits and + = , . @ : / _ -';
const NAME_CHARS = 'letters, digits and + = , . @ _ -';
const TAG_CHARS = 'letters, digits, spaces and _ . : / = + - @';
const tags = (count: number) => Array.from({ length: count }, (_, index) => ({ key: `k${index}`, value: 'v' }));

// One bad value per rule, for every field a person types: what is wrong with *that* value.
const TABLE: Array<[field: string, rule: string, schema: z.ZodType, value: unknown, message: string, path?: string]> = [
  ['account ID', 'too few digits', AccountIdSchema, '12345678901', 'The account ID has 11 digits; it needs 12'],
  ['account ID', 'too many digits', AccountIdSchema, '1234567890123', 'The account ID has 13 digits; it needs 12'],
  ['account ID', 'only digits', AccountIdSchema, '12345678901a', '“a” is not allowed in the account ID; it is 12 digits'],
  ['account ID', 'no dashes (as the console shows it)', AccountIdSchema, '1234-5678-9012', 'Write the account ID as 12 digits without dashes or spaces: 123456789012'],
  ['account ID', 'not empty', AccountIdSchema, '', 'The account ID is missing; it is 12 digits'],

  ['role ARN', 'starts with arn:', RoleArnSchema, 'hello', `This is a role name, not an ARN: a role ARN looks like ${ARN}`],
  ['role ARN', 'not an account ID alone', RoleArnSchema, '123456789012', `This is an account ID, not a role ARN: a role ARN looks like ${ARN}`],
  ['role ARN', 'starts with arn: (not a name either)', RoleArnSchema, 'my role', `A role ARN starts with arn:, e.g. ${ARN}`],
  ['role ARN', 'six parts', RoleArnSchema, 'arn:aws:iam:123456789012:role/x', `A role ARN has 6 parts separated by colons; this has 5: ${ARN}`],
  ['role ARN', 'a known partition', RoleArnSchema, 'arn:aws-xx:iam::123456789012:role/Deploy', 'The partition “aws-xx” does not exist: use aws, aws-cn or aws-us-gov'],
  ['role ARN', 'the iam service', RoleArnSchema, 'arn:aws:sts::123456789012:role/Deploy', 'The service is “sts”; a role ARN has iam (arn:aws:iam::…)'],
  ['role ARN', 'not a session ARN', RoleArnSchema, 'arn:aws:sts::123456789012:assumed-role/Deploy/jane', "This is the ARN of a role session; the role's own ARN is arn:aws:iam::123456789012:role/Deploy"],
  ['role ARN', 'no region', RoleArnSchema, 'arn:aws:iam:us-east-1:123456789012:role/Deploy', 'A role ARN has no region (IAM is global): remove “us-east-1”'],
  ['role ARN', 'a 12-digit account', RoleArnSchema, 'arn:aws:iam::12345678901:role/Deploy', 'The account ID has 11 digits; it needs 12'],
  ['role ARN', 'a role, not a user', RoleArnSchema, 'arn:aws:iam::123456789012:user/Deploy', 'This is the ARN of an IAM user, not a role: a role ARN has role/ after the account ID'],
  ['role ARN', 'role/ after the account', RoleArnSchema, 'arn:aws:iam::123456789012:Deploy', `After the account ID comes role/ and the role name: ${ARN}`],
  ['role ARN', 'a path of at most 512', RoleArnSchema, `arn:aws:iam::123456789012:role/${'p'.repeat(511)}/Deploy`, 'The role path has 513 characters; IAM allows at most 512'],
  ['role ARN', 'printable path', RoleArnSchema, 'arn:aws:iam::123456789012:role/my team/Deploy', 'A space is not allowed in the role path'],
  ['role ARN', 'a role name', RoleArnSchema, 'arn:aws:iam::123456789012:role/', 'The role name is missing after role/'],
  ['role ARN', 'a name of at most 64', RoleArnSchema, `arn:aws:iam::123456789012:role/${'x'.repeat(65)}`, 'The role name has 65 characters; AWS allows at most 64'],
  ['role ARN', 'the name alphabet', RoleArnSchema, 'arn:aws:iam::123456789012:role/Deploy Role', `A space is not allowed in the role name (${NAME_CHARS} only)`],

  ['role name', 'not empty', RoleNameSchema, '', 'The role name is empty; it needs 1 to 64 characters'],
  ['role name', 'at most 64', RoleNameSchema, 'x'.repeat(65), 'The role name has 65 characters; AWS allows at most 64'],
  ['role name', 'no path', RoleNameSchema, 'team/Deploy', 'A slash is not allowed in a role name: for a role with a path, give its ARN'],
  ['role name', 'the alphabet', RoleNameSchema, 'Deploy!', `“!” is not allowed (${NAME_CHARS} only)`],

  ['ExternalId', 'at least 2', ExternalIdSchema, 'a', 'The ExternalId has 1 character; it needs 2 to 1,224'],
  ['ExternalId', 'at most 1,224', ExternalIdSchema, 'x'.repeat(1225), 'The ExternalId has 1,225 characters; AWS allows at most 1,224'],
  ['ExternalId', 'no spaces', ExternalIdSchema, 'test id', `A space is not allowed (${EXTERNAL_ID_CHARS} only)`],
  ['ExternalId', 'unaccented letters', ExternalIdSchema, 'café-id', '“é” is not allowed (letters A–Z without accents, digits and + = , . @ : / _ - only)'],
  ['ExternalId', 'nothing invisible', ExternalIdSchema, 'abc\u200bdef', `The invisible character U+200B is not allowed (${EXTERNAL_ID_CHARS} only)`],

  ['session name', 'at least 2', RoleSessionNameSchema, 'a', 'The session name has 1 character; it needs 2 to 64'],
  ['session name', 'at most 64', RoleSessionNameSchema, 'x'.repeat(65), 'The session name has 65 characters; AWS allows at most 64'],
  ['session name', 'the alphabet', RoleSessionNameSchema, 'jane:dev', `“:” is not allowed (${NAME_CHARS} only)`],

  ['SourceIdentity', 'no aws: prefix', SourceIdentitySchema, 'AWS:jane', 'A SourceIdentity may not start with aws:, which AWS reserves'],
  ['SourceIdentity', 'at least 2', SourceIdentitySchema, 'j', 'The SourceIdentity has 1 character; it needs 2 to 64'],
  ['SourceIdentity', 'the alphabet', SourceIdentitySchema, 'jane doe', `A space is not allowed (${NAME_CHARS} only)`],

  ['role duration', 'a number', RoleDurationSchema, Number.NaN, 'The duration is not a number; give a whole number of seconds, e.g. 3600'],
  ['role duration', 'whole seconds', RoleDurationSchema, 3600.5, 'The duration is 3600.5 seconds; give a whole number of seconds'],
  ['role duration', 'at least 900', RoleDurationSchema, 899, 'The duration is 899 seconds; a role session lasts at least 900 seconds (15 minutes)'],
  ['role duration', 'at most 43,200', RoleDurationSchema, 99999, 'The duration is 99,999 seconds; a role session lasts at most 43,200 seconds (12 hours)'],
  ['MFA session duration', 'at most 129,600', SessionTokenDurationSchema, 129601, 'The duration is 129,601 seconds; an MFA session lasts at most 129,600 seconds (36 hours)'],

  ['MFA serial', 'not empty', MfaSerialSchema, '', 'The MFA device is missing: give its ARN (arn:aws:iam::123456789012:mfa/name) or a hardware serial'],
  ['MFA serial', 'a device, not a code', MfaSerialSchema, '123456', 'This looks like a 6-digit MFA code; give the device instead: its ARN (arn:aws:iam::123456789012:mfa/name) or a hardware serial'],
  ['MFA serial', 'a hardware serial of 9 to 256', MfaSerialSchema, 'GAHT1234', 'A hardware MFA serial has 9 to 256 characters, this has 8; a virtual device is given by its ARN (arn:aws:iam::123456789012:mfa/name)'],
  ['MFA serial', 'the serial alphabet', MfaSerialSchema, 'GAHT 12345678', 'A space is not allowed (letters, digits and + = / : , . @ _ - only)'],
  ['MFA serial', 'an ARN of at most 256', MfaSerialSchema, `arn:aws:iam::123456789012:mfa/${'j'.repeat(240)}`, 'The MFA device ARN has 270 characters; AWS allows at most 256'],
  ['MFA serial', 'six ARN parts', MfaSerialSchema, 'arn:aws:iam:123456789012:mfa/jane', 'An MFA device ARN has 6 parts separated by colons: arn:aws:iam::123456789012:mfa/name'],
  ['MFA serial', 'a known partition', MfaSerialSchema, 'arn:aws-xx:iam::123456789012:mfa/jane', 'The partition “aws-xx” does not exist: use aws, aws-cn or aws-us-gov'],
  ['MFA serial', 'a 12-digit account', MfaSerialSchema, 'arn:aws:iam::12345678901:mfa/jane', 'The account ID has 11 digits; it needs 12'],
  ['MFA serial', 'a device, not a role', MfaSerialSchema, 'arn:aws:iam::123456789012:role/jane', 'This is the ARN of a role, not an MFA device: a device ARN has mfa/ after the account ID (arn:aws:iam::123456789012:mfa/name)'],
  ['MFA serial', 'a device name', MfaSerialSchema, 'arn:aws:iam::123456789012:mfa/', 'The device name is missing after mfa/'],
  ['MFA serial', 'the device-name alphabet', MfaSerialSchema, 'arn:aws:iam::123456789012:mfa/ja ne', 'A space is not allowed in the device name (letters, digits and + = , . @ / _ - only)'],

  ['region', 'not empty', RegionSchema, '', 'The region is missing; a region looks like eu-west-1'],
  ['region', 'lower case', RegionSchema, 'EU-WEST-1', 'A region is written in lower case: eu-west-1'],
  ['region', 'letters, digits and dashes', RegionSchema, ' eu-west-1', 'A space is not allowed in a region; a region looks like eu-west-1'],
  ['region', 'a region, not a zone', RegionSchema, 'eu-west-1a', '“eu-west-1a” is an Availability Zone; its region is eu-west-1'],
  ['region', 'ends with its number', RegionSchema, 'eu-west', 'The region needs its number at the end, e.g. eu-west-1'],
  ['region', 'a code, not a name', RegionSchema, 'Frankfurt', '“Frankfurt” is not a region code; a region looks like eu-west-1'],

  ['tags', 'at most 50', SessionTagsSchema, tags(51), 'There are 51 session tags; AssumeRole takes at most 50'],
  ['tags', 'keys differ in more than case', SessionTagsSchema, [{ key: 'Project', value: 'a' }, { key: 'project', value: 'b' }], 'The tag keys “Project” and “project” differ only in case; STS treats them as one key'],
  ['tags', 'each key once', SessionTagsSchema, [{ key: 'Project', value: 'a' }, { key: 'Project', value: 'b' }], 'The tag key “Project” appears twice; give each key once'],
  ['tags', 'no aws: key', SessionTagsSchema, [{ key: 'aws:team', value: 'x' }], 'The tag key “aws:team” starts with aws:, which AWS reserves', '0.key'],
  ['tags', 'a key', SessionTagsSchema, [{ key: '', value: 'x' }], 'A tag key is empty; it needs 1 to 128 characters', '0.key'],
  ['tags', 'a key of at most 128', SessionTagsSchema, [{ key: 'k'.repeat(129), value: 'x' }], `The tag key “${'k'.repeat(39)}…” has 129 characters; AWS allows at most 128`, '0.key'],
  ['tags', 'the key alphabet', SessionTagsSchema, [{ key: 'Pro*ject', value: 'x' }], `“*” is not allowed in the tag key “Pro*ject” (${TAG_CHARS} only)`, '0.key'],
  ['tags', 'a value of at most 256', SessionTagsSchema, [{ key: 'Project', value: 'v'.repeat(257) }], 'The value of tag “Project” has 257 characters; AWS allows at most 256', '0.value'],
  ['tags', 'the value alphabet', SessionTagsSchema, [{ key: 'Project', value: 'a;b' }], `“;” is not allowed in the value of tag “Project” (${TAG_CHARS} only)`, '0.value'],

  ['access key ID', 'a long-term key', AccessKeyIdSchema, 'ASIAIOSFODNN7EXAMPLE', 'This is a temporary access key (ASIA…), which expires and needs a session token; an IAM user’s key starts with AKIA'],
  ['access key ID', 'capital letters', AccessKeyIdSchema, 'akiaiosfodnn7example', 'An access key ID is written in capital letters; it starts with AKIA'],
  ['access key ID', 'not the secret', AccessKeyIdSchema, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'This looks like a secret access key; the access key ID is the one that starts with AKIA'],
  ['access key ID', 'AKIA and 16 to 128', AccessKeyIdSchema, 'AKIA1234567', 'An access key ID starts with AKIA and has 16 to 128 capital letters and digits'],
  ['secret access key', '40 characters', SecretAccessKeySchema, 'x'.repeat(39), 'The secret access key has 39 characters; it needs 40 (letters, digits and / + =)'],
  ['secret access key', 'no spaces', SecretAccessKeySchema, `${'x'.repeat(39)} `, 'The secret access key has a space in it; it is 40 characters of letters, digits and / + ='],
];

describe('every refusal names what is wrong with the value', () => {
  it.each(TABLE)('%s — %s: %j', (_field, _rule, schema, value, message, path = '') => {
    expect(refusal(schema, value)).toEqual({ path, message });
  });

  it('starts every message with a capital letter (or the quoted character) and ends it without a full stop', () => {
    for (const [, , schema, value] of TABLE) {
      const { message } = refusal(schema, value);
      expect(message).toMatch(/^[A-Z“]/);
      expect(message).not.toMatch(/\.$/);
    }
  });

  it('never repeats a secret access key, whatever is wrong with it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8, maxLength: 60 }).filter((value) => !/^[A-Za-z0-9/+=]{40}$/.test(value)), (value) => {
        expect(refusal(SecretAccessKeySchema, value).message).not.toContain(value);
      }),
    );
  });

  it('has a message for every refused string, for every string field', () => {
    const schemas = [AccountIdSchema, RoleArnSchema, RoleNameSchema, ExternalIdSchema, RoleSessionNameSchema, SourceIdentitySchema, MfaSerialSchema, RegionSchema, AccessKeyIdSchema];
    fc.assert(
      fc.property(fc.constantFrom(...schemas), fc.string({ maxLength: 80 }), (schema, value) => {
        const result = schema.safeParse(value);
        if (!result.success) expect(result.error.issues[0]?.message).toMatch(/^[A-Z“]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the same rule behind a flag or a file key', () => {
  it('reads as a clause after the flag, as the issue asks', () => {
    expect(fieldMessage('--role-arn', refusal(RoleArnSchema, 'arn:aws:iam::12345678901:role/Deploy').message)).toBe('--role-arn: the account ID has 11 digits; it needs 12');
    expect(fieldMessage('--external-id', refusal(ExternalIdSchema, 'test id').message)).toBe('--external-id: a space is not allowed (letters, digits and + = , . @ : / _ - only)');
  });

  it('keeps the capitals of names and acronyms, and drops a closing full stop', () => {
    expect(asClause('The ExternalId has 1 character; it needs 2 to 1,224')).toBe('the ExternalId has 1 character; it needs 2 to 1,224');
    expect(asClause('ExternalId is empty')).toBe('ExternalId is empty');
    expect(asClause('AWS reserves aws:.')).toBe('AWS reserves aws:');
    expect(asClause('A SourceIdentity may not start with aws:')).toBe('a SourceIdentity may not start with aws:');
    expect(asClause('“é” is not allowed')).toBe('“é” is not allowed');
  });
});

describe('hints', () => {
  it('state the ExternalId rule as the form shows it', () => {
    expect(RULE_HINTS.externalId).toBe('2 to 1,224 characters: letters, digits and + = , . @ : / _ -');
  });
});
