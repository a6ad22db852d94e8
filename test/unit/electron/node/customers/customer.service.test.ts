import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../../electron/node/app/services';
import { CustomerService, type CustomerEvents } from '../../../../../electron/node/customers/customer.service';
import type { EventPayloadOf } from '../../../../../shared/contract';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { derivedCustomerId } from '../../../../../shared/logic/customers';
import { FakeClock, fakePorts } from '../../../../fakes/ports';
import { MemoryDocumentStore } from '../../../../fakes/memory.document-store';
import { sampleRole, sampleUser } from '../store/sample-profiles';

class RecordingEvents implements CustomerEvents {
  emitted: EventPayloadOf<'customers.changed'>[] = [];
  emit(_event: 'customers.changed', payload: EventPayloadOf<'customers.changed'>): void {
    this.emitted.push(payload);
  }
}

function world() {
  const store = new MemoryDocumentStore();
  const clock = new FakeClock(Date.UTC(2026, 0, 5, 10, 0, 0));
  const events = new RecordingEvents();
  let next = 0;
  const service = new CustomerService(store, clock, events, () => `customer-new-${(next += 1)}`);
  store.document.profiles.push(sampleUser('source'), { ...sampleRole('acme'), label: 'Acme', color: '#e03131' }, { ...sampleRole('acme2'), label: 'acme' });
  return { store, clock, events, service };
}

async function failure(promise: Promise<unknown>): Promise<RoledeckError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RoledeckError);
  return error as RoledeckError;
}

describe('CustomerService', () => {
  it('lists a customer for every profile label nobody saved yet, with the label\'s colour', async () => {
    const { service } = world();
    expect(await service.list()).toEqual([
      expect.objectContaining({ id: derivedCustomerId('Acme'), name: 'Acme', color: '#e03131', onboarding: 'role-created', production: true }),
    ]);
  });

  it('saves a derived customer under the id it was listed with, and keeps it', async () => {
    const { service, store, events } = world();
    const [acme] = await service.list();
    const saved = await service.save({ id: acme!.id, name: 'Acme', production: true, onboarding: 'verified', lastVerifiedAt: 1_767_600_000_000, notes: 'Prod account only' });
    expect(saved).toMatchObject({ id: acme!.id, color: '#e03131', onboarding: 'verified', notes: 'Prod account only' });
    expect(store.document.customers).toEqual([saved]);
    expect(await service.list()).toEqual([saved]);
    expect(events.emitted.at(-1)?.customers).toEqual([saved]);
  });

  it('creates a new customer with a new id, and refuses a second of the same name', async () => {
    const { service } = world();
    const globex = await service.save({ name: 'Globex', color: '#2f9e44', production: false, onboarding: 'invited' });
    expect(globex).toMatchObject({ id: 'customer-new-1', name: 'Globex', createdAt: Date.UTC(2026, 0, 5, 10, 0, 0) });
    const error = await failure(service.save({ name: ' globex', production: false, onboarding: 'invited' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('A customer named "Globex" already exists');
  });

  it('renames a customer and takes its profiles along', async () => {
    const { service, store, clock } = world();
    const [acme] = await service.list();
    clock.advance(60_000);
    await service.save({ id: acme!.id, name: 'Acme Corp', production: true, onboarding: 'role-created' });
    expect(store.document.profiles.map((profile) => profile.label)).toEqual([undefined, 'Acme Corp', 'Acme Corp']);
    expect(store.document.profiles[1]!.updatedAt).toBe(clock.now());
    expect((await service.list()).map((customer) => customer.name)).toEqual(['Acme Corp']);
  });

  it('removes a colour or notes when told to with null', async () => {
    const { service } = world();
    const [acme] = await service.list();
    const saved = await service.save({ id: acme!.id, name: 'Acme', color: null, notes: null, production: false, onboarding: 'invited' });
    expect(saved.color).toBeUndefined();
    expect(saved.notes).toBeUndefined();
  });

  it('says when the customer to update is gone', async () => {
    const { service } = world();
    expect((await failure(service.save({ id: 'customer-gone-0001', name: 'Gone', production: false, onboarding: 'invited' }))).code).toBe('NOT_FOUND');
  });
});

describe('customers.* channels', () => {
  let stop = (): void => undefined;
  afterEach(() => stop());

  it('are served by the router, with the request checked against the contract', async () => {
    const { ports } = fakePorts();
    const { router, services } = createRouter(ports);
    stop = () => services.refresh.stop();
    const saved = await router.dispatch('customers.save', { name: 'Initech', production: true, onboarding: 'invited' }, { transport: 'direct' });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Initech', production: true } });
    expect(await router.dispatch('customers.list', {}, { transport: 'direct' })).toMatchObject({ ok: true, value: { customers: [{ name: 'Initech' }] } });
    const refused = await router.dispatch('customers.save', { name: 'X', production: 'yes', onboarding: 'invited' }, { transport: 'direct' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
