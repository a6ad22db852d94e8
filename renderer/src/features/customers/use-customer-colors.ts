import { useEffect, useMemo } from 'react';
import type { Customer } from '../../../../shared/domain/customer';
import { customerColors, type Colored, type CustomerColors } from '../../../../shared/logic/customer-color';
import { getApi, useRemote } from '../../api';

/**
 * The customer colours for these profiles (shared/logic/customer-color): saved customers'
 * colours, kept current by 'customers.changed'. If customers cannot be listed, the colours
 * come from the profiles alone; the section that lists profiles reports the failure.
 */
export function useCustomerColors(profiles: readonly Colored[] | null): CustomerColors {
  const { remote, set } = useRemote(async (): Promise<Customer[]> => (await getApi().customers.list()).customers, []);
  useEffect(() => {
    try {
      return getApi().on('customers.changed', ({ customers }) => set(customers));
    } catch {
      return undefined;
    }
  }, [set]);
  const customers = remote.state === 'loaded' ? remote.value : null;
  return useMemo(() => customerColors(profiles ?? [], customers ?? []), [profiles, customers]);
}
