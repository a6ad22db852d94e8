import type { Handlers } from '../ipc/router';
import type { CustomerService } from './customer.service';

/** The router's handlers for the customers.* channels. */
export function customersHandlers(customers: CustomerService): Pick<Handlers, 'customers.list' | 'customers.save'> {
  return {
    'customers.list': async () => ({ customers: await customers.list() }),
    'customers.save': (input) => customers.save(input),
  };
}
