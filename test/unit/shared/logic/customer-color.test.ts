import { describe, expect, it } from 'vitest';
import { colorOfCustomer, colorOfProfile, customerColors } from '../../../../shared/logic/customer-color';

describe('the customer colour rule', () => {
  const profiles = [
    { label: 'Acme', color: undefined },
    { label: 'acme', color: '#e03131' },
    { label: 'Acme', color: '#2f9e44' },
    { label: undefined, color: '#7048e8' },
  ];

  it('gives a customer the first colour set on one of its profiles', () => {
    expect(colorOfCustomer('ACME', customerColors(profiles))).toBe('#e03131');
  });

  it('prefers the colour saved on the customer', () => {
    expect(colorOfCustomer('Acme', customerColors(profiles, [{ name: 'acme ', color: '#0f9d8f' }]))).toBe('#0f9d8f');
  });

  it('shows a profile in its own colour, else its customer\'s, else none', () => {
    const colors = customerColors(profiles, [{ name: 'Acme', color: '#0f9d8f' }]);
    expect(colorOfProfile({ label: 'Acme', color: '#d9a100' }, colors)).toBe('#d9a100');
    expect(colorOfProfile({ label: 'acme' }, colors)).toBe('#0f9d8f');
    expect(colorOfProfile({ label: 'Globex' }, colors)).toBeUndefined();
    expect(colorOfProfile({}, colors)).toBeUndefined();
  });
});
