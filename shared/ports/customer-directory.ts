import type { Customer, ParsedCustomerInput } from '../domain/customer';

/**
 * What other features need of the customers: onboarding lists them and moves their status along.
 * CustomerService implements it, so no feature imports the customers folder.
 */
export interface CustomerDirectory {
  /** Saved customers, and those derived from profile labels nobody saved yet (A–Z). */
  list(): Promise<Customer[]>;
  /** Creates (no id) or updates a customer; CONFLICT when another customer has the name. */
  save(input: ParsedCustomerInput): Promise<Customer>;
}
