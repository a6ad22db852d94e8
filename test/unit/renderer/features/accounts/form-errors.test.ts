import { describe, expect, it } from 'vitest';
import { AddRoleInputSchema } from '../../../../../shared/domain/profile-input';
import { ApiError } from '../../../../../renderer/src/api';
import { placeApiError, placeIssues, placeServerError } from '../../../../../renderer/src/features/accounts/form-errors';

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

describe('placeApiError: a refusal that names its field goes next to it', () => {
  const allowList = 'The role "Admin" is not allowed: this installation accepts only roles named "ExampleRoleName". To accept it, add it in Settings → Allowed role names.';

  it('puts a refusal with IpcError.field at that field, through the form’s own name for it', () => {
    const error = new ApiError({ code: 'VALIDATION', message: allowList, field: 'roleName' });
    expect(placeApiError(error, [...FIELDS, 'roleName'])).toEqual({ fields: { roleName: allowList }, form: null });
    // Given as an ARN, the same refusal belongs to the ARN field.
    expect(placeApiError(new ApiError({ code: 'VALIDATION', message: allowList, field: 'roleArn' }), FIELDS)).toEqual({ fields: { roleArn: allowList }, form: null });
    expect(placeApiError(error, FIELDS, { roleName: 'roleArn' })).toEqual({ fields: { roleArn: allowList }, form: null });
  });

  it('keeps a refusal of a field the form does not show at form level, never hidden', () => {
    const error = new ApiError({ code: 'VALIDATION', message: allowList, field: 'roleName' });
    expect(placeApiError(error, FIELDS)).toEqual({ fields: {}, form: allowList });
  });

  it('splits a request-schema refusal by the fields its message names, as before', () => {
    const error = new ApiError({ code: 'INVALID_REQUEST', message: 'Invalid request for profiles.addRole: accountId: The account ID has 11 digits; it needs 12', field: 'accountId' });
    expect(placeApiError(error, FIELDS)).toEqual({ fields: { accountId: 'The account ID has 11 digits; it needs 12' }, form: null });
  });
});
