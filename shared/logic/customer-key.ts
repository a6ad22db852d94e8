/**
 * How a profile finds its customer: its label, compared without case and surrounding spaces
 * ("Acme", "acme " and "ACME" are one customer). Zod-free, so the renderer can use it.
 */
export function customerKey(name: string): string {
  return name.trim().toLowerCase();
}
