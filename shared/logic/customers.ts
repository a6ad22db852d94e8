import type { Customer } from '../domain/customer';
import { customerKey } from './customer-key';

/** The parts of a stored profile that say which customer it belongs to and what it looks like. */
export interface LabelledProfile {
  kind: 'iam-user' | 'role';
  name: string;
  label?: string | undefined;
  color?: string | undefined;
  createdAt?: number | undefined;
}

/** FNV-1a over UTF-16 code units, from a given offset basis; 32 bits as 8 hex digits. */
function fnv1a(text: string, basis: number): string {
  let hash = basis >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The id of a customer derived from a label. Deterministic, so the app and the CLI deriving at
 * the same time (each migrating, or listing, the same store) agree, and saving a derived customer
 * keeps the id it was listed with.
 */
export function derivedCustomerId(name: string): string {
  const key = customerKey(name);
  return `customer-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}`;
}

/**
 * A name that says production: "acme-prod", "Prod", "globex production". A guess, for customers
 * derived from labels only; it errs towards "production" because the flag only adds a confirmation
 * before a deploy, while missing it lets a test deploy into production unasked.
 */
const PRODUCTION = /(^|[^a-z0-9])prod(uction)?([^a-z0-9]|$)/i;

/**
 * Customers for the labels on profiles that no known customer has yet, so a store from before
 * customers existed loses nothing: the name is the label as first written, the colour the first
 * colour set on one of its profiles, onboarding "role-created" when a role carries the label
 * (else "invited"), production when a name says so.
 */
export function deriveCustomers(profiles: readonly LabelledProfile[], known: readonly Pick<Customer, 'id' | 'name'>[] = []): Customer[] {
  const taken = new Set(known.map((customer) => customerKey(customer.name)));
  const ids = new Set(known.map((customer) => customer.id));
  const derived = new Map<string, Customer>();
  for (const profile of profiles) {
    const label = profile.label?.trim();
    if (!label) continue;
    const key = customerKey(label);
    if (taken.has(key)) continue;
    const at = Math.max(0, Math.floor(profile.createdAt ?? 0));
    let customer = derived.get(key);
    if (!customer) {
      let id = derivedCustomerId(label);
      for (let suffix = 2; ids.has(id); suffix += 1) id = `${derivedCustomerId(label)}-${suffix}`;
      ids.add(id);
      customer = { id, name: label, production: PRODUCTION.test(label), onboarding: 'invited', createdAt: at, updatedAt: at };
      derived.set(key, customer);
    }
    if (customer.color === undefined && profile.color) customer.color = profile.color;
    if (profile.kind === 'role') customer.onboarding = 'role-created';
    if (PRODUCTION.test(profile.name)) customer.production = true;
    customer.createdAt = Math.min(customer.createdAt, at);
    customer.updatedAt = Math.max(customer.updatedAt, at);
  }
  return [...derived.values()];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Stored customers and those derived from labels nobody saved yet, A–Z. */
export function listCustomers(stored: readonly Customer[], profiles: readonly LabelledProfile[]): Customer[] {
  return [...stored, ...deriveCustomers(profiles, stored)].sort((a, b) => collator.compare(a.name, b.name));
}
