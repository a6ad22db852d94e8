import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../../../electron/node/app/services';
import { StoreService, type StoreEvents } from '../../../../../electron/node/store/store.service';
import type { EventPayloadOf } from '../../../../../shared/contract';
import { RoledeckError } from '../../../../../shared/contract/errors';
import type { StoreDocument } from '../../../../../shared/domain/store-document';
import { MemoryDocumentStore } from '../../../../fakes/memory.document-store';
import { fakePorts } from '../../../../fakes/ports';
import { sampleRole, sampleUser } from './sample-profiles';

/** A store that fails reads the way an unreadable one does, until it starts over. */
class BrokenStore extends MemoryDocumentStore {
  failWith: RoledeckError | null = null;
  resets = 0;
  override async read(): Promise<StoreDocument> {
    if (this.failWith) throw this.failWith;
    return super.read();
  }
  override async reset(): Promise<{ setAsideAs: string | null }> {
    this.resets += 1;
    this.failWith = null;
    await super.reset();
    return { setAsideAs: 'memory.broken-1' };
  }
}

class RecordingEvents implements StoreEvents {
  emitted: EventPayloadOf<'store.reset'>[] = [];
  emit(_event: 'store.reset', payload: EventPayloadOf<'store.reset'>): void {
    this.emitted.push(payload);
  }
}

const UNREADABLE = new RoledeckError('STORE_UNREADABLE', 'Roledeck cannot read your profiles in memory: its key is missing from the OS keychain.');

describe('StoreService', () => {
  it('says the store is fine, where it is, and how many profiles Start over would leave behind', async () => {
    const store = new BrokenStore();
    store.document.profiles.push(sampleUser('source'), sampleRole('acme'));
    expect(await new StoreService(store).status()).toEqual({ state: 'ok', location: 'memory', message: '', profiles: 2 });
  });

  it('answers an unreadable or newer store with its message instead of failing', async () => {
    const store = new BrokenStore();
    store.failWith = UNREADABLE;
    expect(await new StoreService(store).status()).toEqual({ state: 'unreadable', location: 'memory', message: UNREADABLE.message });
    store.failWith = new RoledeckError('STORE_NEWER_VERSION', 'Your profiles were created by a newer Roledeck.');
    expect((await new StoreService(store).status()).state).toBe('newer');
  });

  it('leaves a keychain problem an error: the keychain banner says it', async () => {
    const store = new BrokenStore();
    store.failWith = new RoledeckError('KEYCHAIN_LOCKED', 'The OS keychain is locked.');
    await expect(new StoreService(store).status()).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
  });

  it('starts over, says where the old file went, and tells every window', async () => {
    const store = new BrokenStore();
    store.failWith = UNREADABLE;
    const events = new RecordingEvents();
    const service = new StoreService(store, events);
    expect(await service.reset()).toEqual({ location: 'memory', setAsideAs: 'memory.broken-1' });
    expect(events.emitted).toEqual([{ location: 'memory', setAsideAs: 'memory.broken-1' }]);
    expect((await service.status()).state).toBe('ok');
  });
});

describe('store.* channels', () => {
  let stop = (): void => undefined;
  afterEach(() => stop());

  it('start over only with confirmed: true', async () => {
    const store = new BrokenStore();
    store.failWith = UNREADABLE;
    const { ports } = fakePorts({ store });
    const { router, services } = createRouter(ports);
    stop = () => services.refresh.stop();
    expect(await router.dispatch('store.status', {}, { transport: 'direct' })).toMatchObject({ ok: true, value: { state: 'unreadable' } });
    expect(await router.dispatch('store.reset', {}, { transport: 'direct' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await router.dispatch('store.reset', { confirmed: false }, { transport: 'direct' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(store.resets).toBe(0);
    expect(await router.dispatch('store.reset', { confirmed: true }, { transport: 'direct' })).toMatchObject({ ok: true, value: { setAsideAs: 'memory.broken-1' } });
    expect(store.resets).toBe(1);
  });
});
