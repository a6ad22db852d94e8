import type { EventName, EventPayloadOf } from '../../../shared/contract';
import { RoledeckError } from '../../../shared/contract/errors';
import type { StoreResetResult, StoreStatus } from '../../../shared/domain/store-status';
import type { DocumentStore } from '../../../shared/ports/document-store';

/** Where 'store.reset' goes (every window); absent in the CLI. */
export interface StoreEvents {
  emit(event: Extract<EventName, 'store.reset'>, payload: EventPayloadOf<'store.reset'>): void;
}

/**
 * The profile store as a whole: whether it can be read (said once, by the window's banner, instead
 * of by every panel that fails to load), and Start over.
 */
export class StoreService {
  constructor(
    private readonly store: DocumentStore,
    private readonly events?: StoreEvents,
  ) {}

  /** A store problem is the answer here, not an error; a keychain problem still is one (its own banner says it). */
  async status(): Promise<StoreStatus> {
    const location = this.store.location;
    try {
      const { profiles } = await this.store.read();
      return { state: 'ok', location, message: '', profiles: profiles.length };
    } catch (error) {
      if (!(error instanceof RoledeckError)) throw error;
      if (error.code === 'STORE_UNREADABLE') return { state: 'unreadable', location, message: error.message };
      if (error.code === 'STORE_NEWER_VERSION') return { state: 'newer', location, message: error.message };
      throw error;
    }
  }

  /** Moves the store aside (never deletes it) and starts empty; keychain secrets stay. */
  async reset(): Promise<StoreResetResult> {
    const { setAsideAs } = await this.store.reset();
    const result = { location: this.store.location, setAsideAs };
    this.events?.emit('store.reset', result);
    return result;
  }
}
