import type { Ports, Shared } from '../app/composition';
import { AuditRecorder } from '../audit/audit-recorder';
import { CustomerService } from './customer.service';

/** Customers: records in the profile store; changes go out as 'customers.changed'. */
export function createCustomers(ports: Pick<Ports, 'store' | 'clock' | 'logger'>, shared: Shared): CustomerService {
  return new CustomerService(ports.store, ports.clock, shared.events, undefined, new AuditRecorder({ audit: shared.audit, clock: ports.clock, logger: ports.logger }));
}
