import type { HandlersFor } from '../ipc/router';
import type { StoreService } from './store.service';

export type StoreChannel = 'store.status' | 'store.reset';

/** The router's handlers for the store.* channels. */
export function createStoreHandlers(services: { store: StoreService }): HandlersFor<StoreChannel> {
  const { store } = services;
  return {
    'store.status': () => store.status(),
    // The request schema already requires confirmed: true.
    'store.reset': () => store.reset(),
  };
}
