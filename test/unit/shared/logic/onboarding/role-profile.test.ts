import { describe, expect, it } from 'vitest';
import { AddRoleInputSchema } from '../../../../../shared/domain/profile-input';
import { roleProfileInput, suggestProfileName, type RoleProfileRequest } from '../../../../../shared/logic/onboarding/role-profile';
import { EXTERNAL_ID, setupInput } from './setup-fixture';

const ROLE = 'arn:aws:iam::222222222222:role/RoledeckAccess';
const DEVICE = 'arn:aws:iam::111111111111:mfa/consultant';
const request = (overrides: Partial<RoleProfileRequest> = {}): RoleProfileRequest => ({
  setup: setupInput({ maxSessionDurationSeconds: 14_400 }),
  roleArn: ROLE,
  profileName: 'acme',
  sourceProfile: 'consultant',
  sourceIsRole: false,
  ...overrides,
});

describe('the role profile for a customer', () => {
  it('carries the ARN, ExternalId, duration, region and source, as "Add role" would', () => {
    const result = roleProfileInput(request());
    expect(result).toEqual({
      ok: true,
      input: { name: 'acme', source: 'consultant', roleArn: ROLE, externalId: EXTERNAL_ID, durationSeconds: 14_400, region: 'eu-west-1', label: 'Acme Ltd' },
      notes: [],
    });
    expect(result.ok && AddRoleInputSchema.safeParse(result.input).success).toBe(true);
  });

  it('caps the duration at 1 hour when the source is a role, and says why', () => {
    const result = roleProfileInput(request({ sourceIsRole: true }));
    expect(result).toMatchObject({ ok: true, input: { durationSeconds: 3600 }, notes: [expect.stringMatching(/role chaining/)] });
  });

  it('names our MFA device when the role requires MFA', () => {
    const result = roleProfileInput(request({ setup: setupInput({ requireMfa: true }), mfaSerial: DEVICE }));
    expect(result).toMatchObject({ ok: true, input: { mfaSerial: DEVICE }, notes: [] });
  });

  it('warns when MFA is required and no device is known; leaves a device out when MFA is not required', () => {
    expect(roleProfileInput(request({ setup: setupInput({ requireMfa: true }) }))).toMatchObject({ ok: true, notes: [expect.stringMatching(/requires MFA: add your MFA device to consultant/)] });
    const plain = roleProfileInput(request({ mfaSerial: DEVICE }));
    expect(plain.ok && plain.input.mfaSerial).toBeUndefined();
  });

  it('reports a bad profile name with the profile rules', () => {
    expect(roleProfileInput(request({ profileName: 'acme prod' }))).toEqual({ ok: false, issues: [{ path: 'name', message: 'A profile name may contain only letters, digits and . @ + _ -' }] });
  });

  it.each([
    ['Acme Ltd.', undefined, 'acme-ltd'],
    ['Åcme GmbH & Co. KG', 'RoledeckAccess', 'acme-gmbh-co-kg-RoledeckAccess'],
    ['株式会社', undefined, 'customer'],
  ])('suggests a profile name for %s', (customer, role, name) => {
    expect(suggestProfileName(customer, role)).toBe(name);
    expect(name).toMatch(/^[\w.@+-]{1,64}$/);
  });
});
