import type { HandlersFor } from '../ipc/router';
import type { CustomerService } from './customer.service';

export type CustomerChannel = 'customers.list' | 'customers.save';

/** The router's handlers for the customers.* channels. */
export function createCustomerHandlers(services: { customers: CustomerService }): HandlersFor<CustomerChannel> {
  const { customers } = services;
  return {
    'customers.list': async () => ({ customers: await customers.list() }),
    'customers.save': (input) => customers.save(input),
  };
}
