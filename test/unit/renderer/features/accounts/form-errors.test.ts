import { describe, expect, it } from 'vitest';
import { AddRoleInputSchema } from '../../../../../shared/domain/profile-input';
import { placeIssues, placeServerError } from '../../../../../renderer/src/features/accounts/form-errors';

const FIELDS = ['name', 'source', 'roleArn', 'accountId', 'externalId', 'durationSeconds'] as const;

describe('placeIssues', () => {
  it('puts each schema message against its field, with the rule spelled out', () => {
    const result = AddRoleInputSchema.safeParse({ name: 'acme', source: 'me', accountId: '12345678901', roleName: 'Admin', externalId: 'x', durationSeconds: 100 });
    expect(result.success).toBe(false);
    const placed = placeIssues(result.error!.issues, FIELDS);
    expect(placed.fields).toEqual({
      accountId: 'The account ID has 11 digits; it needs 12',
      externalId: 'The ExternalId has 1 character; it needs 2 to 1,224',
      durationSeconds: 'The duration is 100 seconds; a role session lasts at least 900 seconds (15 minutes)',
    });
    expect(placed.form).toBeNull();
  });

  it('keeps the first message of a field and sends unknown paths to the form', () => {
    const placed = placeIssues(
      [
        { path: ['externalId'], message: 'first' },
        { path: ['externalId'], message: 'second' },
        { path: ['tags', 0, 'key'], message: 'a session tag key is 1–128 characters' },
      ],
      FIELDS,
    );
    expect(placed).toEqual({ fields: { externalId: 'first' }, form: 'a session tag key is 1–128 characters' });
  });
});

describe('placeServerError', () => {
  it('shows "<field>: …" against that field', () => {
    expect(placeServerError('source: there is no profile named "ghost". Add the IAM user or role it should come from first.', FIELDS)).toEqual({
      fields: { source: 'there is no profile named "ghost". Add the IAM user or role it should come from first.' },
      form: null,
    });
  });

  it('splits a refused request into its fields', () => {
    expect(placeServerError('Invalid request for profiles.addRole: accountId: an AWS account ID is exactly 12 digits; tags.0.key: too long', FIELDS)).toEqual({
      fields: { accountId: 'an AWS account ID is exactly 12 digits' },
      form: 'tags.0.key: too long',
    });
  });

  it('shows any other message at form level, whole', () => {
    const conflict = 'A profile named "acme" already exists. Pick another name or edit that profile.';
    expect(placeServerError(conflict, FIELDS)).toEqual({ fields: {}, form: conflict });
    const allowList = 'The role "Admin" is not allowed: this installation accepts only roles named "ExampleRoleName".';
    expect(placeServerError(allowList, FIELDS)).toEqual({ fields: {}, form: allowList });
  });
});
