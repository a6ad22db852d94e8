import type { Ports, Shared } from '../app/composition';
import { StoreService } from './store.service';

/** The profile store's own state and Start over; 'store.reset' tells every view to reload. */
export function createStore(ports: Pick<Ports, 'store'>, shared: Shared): StoreService {
  return new StoreService(ports.store, shared.events);
}
