import { customerKey } from './customer-key';

/**
 * The customer colour rule, in one place for every surface that shows it (the accounts list and
 * its group headers, the title bar, the command palette, the sessions, the tray): a profile's
 * own colour if it has one, else its customer's colour, where a customer's colour is the one
 * saved on the customer, else the first colour set on one of its profiles. Zod-free on purpose:
 * the renderer imports it into its initial bundle.
 */

export interface Colored {
  label?: string | undefined;
  color?: string | undefined;
}

/** Customer key (customerKey of the name) -> colour. */
export type CustomerColors = ReadonlyMap<string, string>;

/** A customer as the rule needs it: its name is the label its profiles carry. */
export interface NamedColor {
  name: string;
  color?: string | undefined;
}

export function customerColors(profiles: readonly Colored[], customers: readonly NamedColor[] = []): CustomerColors {
  const colors = new Map<string, string>();
  for (const customer of customers) {
    if (customer.color) colors.set(customerKey(customer.name), customer.color);
  }
  for (const profile of profiles) {
    const key = profile.label ? customerKey(profile.label) : '';
    if (key && profile.color && !colors.has(key)) colors.set(key, profile.color);
  }
  return colors;
}

/** The colour a customer (by name) is shown in, if any. */
export function colorOfCustomer(name: string | undefined, colors: CustomerColors): string | undefined {
  return name ? colors.get(customerKey(name)) : undefined;
}

/** The colour a profile is shown in: its own, else its customer's. */
export function colorOfProfile(profile: Colored, colors: CustomerColors): string | undefined {
  return profile.color ?? colorOfCustomer(profile.label, colors);
}
