import { randomUUID } from 'node:crypto';
import type { EventName, EventPayloadOf } from '../../../shared/contract';
import { RoledeckError } from '../../../shared/contract/errors';
import type { Customer, ParsedCustomerInput } from '../../../shared/domain/customer';
import type { StoreDocument } from '../../../shared/domain/store-document';
import { customerKey } from '../../../shared/logic/customer-key';
import { deriveCustomers, listCustomers } from '../../../shared/logic/customers';
import type { AuditRecorder } from '../audit/audit-recorder';
import type { Clock } from '../../../shared/ports/clock';
import type { CustomerDirectory } from '../../../shared/ports/customer-directory';
import type { DocumentStore } from '../../../shared/ports/document-store';

/** Where 'customers.changed' goes (the window and the tray); absent in the CLI. */
export interface CustomerEvents {
  emit(event: Extract<EventName, 'customers.changed'>, payload: EventPayloadOf<'customers.changed'>): void;
}

/** A field's new value from an input that says "keep" (undefined), "remove" (null or blank) or gives a value. */
function merged<T>(input: T | null | undefined, previous: T | undefined): T | undefined {
  if (input === null || (typeof input === 'string' && input.trim() === '')) return undefined;
  return input ?? previous;
}

/**
 * Customers: saved records in the profile store, plus one derived from every profile label no
 * saved customer has yet (so labels made before customers existed, or from the CLI, show up).
 * Profiles belong to a customer through their label; renaming a customer relabels its profiles.
 */
export class CustomerService implements CustomerDirectory {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly events?: CustomerEvents,
    private readonly newId: () => string = randomUUID,
    /** Records each customer added or changed (the audit log); absent in tests about other things. */
    private readonly audit?: AuditRecorder,
  ) {}

  async list(): Promise<Customer[]> {
    const doc = await this.store.read();
    return listCustomers(doc.customers, doc.profiles);
  }

  async save(input: ParsedCustomerInput): Promise<Customer> {
    const { saved, all, existed } = await this.store.update((doc) => {
      const existed = input.id !== undefined && doc.customers.some((customer) => customer.id === input.id);
      const saved = this.upsert(doc, input);
      return { saved, all: listCustomers(doc.customers, doc.profiles), existed };
    });
    this.events?.emit('customers.changed', { customers: all });
    await this.audit?.record(existed ? 'customer.update' : 'customer.add', undefined, { customer: saved.name, detail: `onboarding: ${saved.onboarding}` });
    return saved;
  }

  private upsert(doc: StoreDocument, input: ParsedCustomerInput): Customer {
    const now = this.clock.now();
    const stored = input.id ? doc.customers.find((customer) => customer.id === input.id) : undefined;
    const base = stored ?? (input.id ? deriveCustomers(doc.profiles, doc.customers).find((customer) => customer.id === input.id) : undefined);
    if (input.id && !base) {
      throw new RoledeckError('NOT_FOUND', 'That customer is no longer in Roledeck (it may have been removed elsewhere). Reload the list and try again.');
    }
    const key = customerKey(input.name);
    const clash = doc.customers.find((customer) => customer.id !== base?.id && customerKey(customer.name) === key);
    if (clash) throw new RoledeckError('CONFLICT', `A customer named "${clash.name}" already exists. Pick another name, or edit that customer.`);

    const color = merged(input.color, base?.color);
    const lastVerifiedAt = merged(input.lastVerifiedAt, base?.lastVerifiedAt);
    const notes = merged(input.notes, base?.notes);
    const customer: Customer = {
      id: base?.id ?? this.newId(),
      name: input.name,
      ...(color === undefined ? {} : { color }),
      production: input.production,
      onboarding: input.onboarding,
      ...(lastVerifiedAt === undefined ? {} : { lastVerifiedAt }),
      ...(notes === undefined ? {} : { notes }),
      createdAt: base?.createdAt ?? now,
      updatedAt: now,
    };

    // Profiles find their customer by label: a renamed customer takes its profiles along.
    if (base && base.name !== customer.name) {
      const previous = customerKey(base.name);
      for (const profile of doc.profiles) {
        if (profile.label !== undefined && customerKey(profile.label) === previous) {
          profile.label = customer.name;
          profile.updatedAt = now;
        }
      }
    }
    const index = stored ? doc.customers.indexOf(stored) : -1;
    if (index >= 0) doc.customers[index] = customer;
    else doc.customers.push(customer);
    return customer;
  }
}
