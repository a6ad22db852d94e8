import type { Ports, Shared } from '../app/composition';
import { CustomerService } from './customer.service';

/** Customers: records in the profile store; changes go out as 'customers.changed'. */
export function createCustomers(ports: Pick<Ports, 'store' | 'clock'>, shared: Shared): CustomerService {
  return new CustomerService(ports.store, ports.clock, shared.events);
}
