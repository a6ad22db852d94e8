import { describe, expect, it } from 'vitest';
import { CustomerSchema, type Customer } from '../../../../shared/domain/customer';
import { deriveCustomers, derivedCustomerId, listCustomers, type LabelledProfile } from '../../../../shared/logic/customers';
import { customerKey } from '../../../../shared/logic/customer-key';

const role = (name: string, extra: Partial<LabelledProfile> = {}): LabelledProfile => ({ kind: 'role', name, createdAt: 1_700_000_000_000, ...extra });
const user = (name: string, extra: Partial<LabelledProfile> = {}): LabelledProfile => ({ kind: 'iam-user', name, createdAt: 1_700_000_000_000, ...extra });

describe('customers derived from profile labels', () => {
  it('makes one customer per label, whatever its case or spaces, named as first written', () => {
    const customers = deriveCustomers([role('acme-dev', { label: 'Acme' }), role('acme-stage', { label: ' acme ' }), user('globex-ci', { label: 'Globex' })]);
    expect(customers.map((customer) => customer.name)).toEqual(['Acme', 'Globex']);
    for (const customer of customers) expect(CustomerSchema.safeParse(customer).success).toBe(true);
  });

  it('keeps the first colour set on one of its profiles', () => {
    const [acme] = deriveCustomers([role('a', { label: 'Acme' }), role('b', { label: 'Acme', color: '#e03131' }), role('c', { label: 'Acme', color: '#2f9e44' })]);
    expect(acme?.color).toBe('#e03131');
  });

  it('says a role was created when a role carries the label, and invited when only users do', () => {
    const customers = deriveCustomers([user('deployer', { label: 'Initech' }), role('acme', { label: 'Acme' })]);
    expect(Object.fromEntries(customers.map((customer) => [customer.name, customer.onboarding]))).toEqual({ Initech: 'invited', Acme: 'role-created' });
  });

  it('marks a customer as production when its label or a profile name says prod', () => {
    const customers = deriveCustomers([role('acme-prod', { label: 'Acme' }), role('globex-dev', { label: 'Globex' }), role('x', { label: 'Initech Production' }), role('y', { label: 'Prodigy' })]);
    expect(Object.fromEntries(customers.map((customer) => [customer.name, customer.production]))).toEqual({ Acme: true, Globex: false, 'Initech Production': true, Prodigy: false });
  });

  it('derives the same id for a label every time, so two processes migrating at once agree', () => {
    expect(derivedCustomerId('Acme')).toBe(derivedCustomerId(' acme'));
    expect(derivedCustomerId('Acme')).not.toBe(derivedCustomerId('Globex'));
    expect(derivedCustomerId('Acme')).toMatch(/^customer-[0-9a-f]{16}$/);
  });

  it('skips labels a saved customer already has, and ids already taken', () => {
    const saved: Customer = { id: derivedCustomerId('Globex'), name: 'Acme', production: false, onboarding: 'verified', createdAt: 1, updatedAt: 1 };
    const derived = deriveCustomers([role('a', { label: 'ACME' }), role('g', { label: 'Globex' })], [saved]);
    expect(derived.map((customer) => customer.name)).toEqual(['Globex']);
    expect(derived[0]?.id).toBe(`${derivedCustomerId('Globex')}-2`);
  });

  it('lists saved and derived customers together, A to Z', () => {
    const saved: Customer = { id: 'customer-saved-01', name: 'Zeta', production: true, onboarding: 'verified', lastVerifiedAt: 5, createdAt: 1, updatedAt: 1 };
    expect(listCustomers([saved], [role('a', { label: 'alpha' }), role('z', { label: 'zeta' })]).map((customer) => customer.name)).toEqual(['alpha', 'Zeta']);
  });

  it('compares customer names without case or surrounding spaces', () => {
    expect(customerKey('  Acme Corp ')).toBe(customerKey('acme corp'));
  });
});
