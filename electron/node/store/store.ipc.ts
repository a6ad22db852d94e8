import type { Handlers } from '../ipc/router';
import type { StoreService } from './store.service';

/** The router's handlers for the store.* channels. */
export function storeHandlers(store: StoreService): Pick<Handlers, 'store.status' | 'store.reset'> {
  return {
    'store.status': () => store.status(),
    // The request schema already requires confirmed: true.
    'store.reset': () => store.reset(),
  };
}
