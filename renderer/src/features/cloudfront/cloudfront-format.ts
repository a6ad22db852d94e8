import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';

/** Words and groupings the CloudFront section shows; no React here. */

const NO_CUSTOMER = 'No customer';

export function formatDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** "2026-12-01 18:00 UTC" for an epoch-seconds time a policy carries. */
export function formatPolicyTime(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function lastUsed(key: CloudFrontKey): string {
  return key.lastUsedAt === undefined ? 'never used' : `used ${formatDay(key.lastUsedAt)}`;
}

/** The key ID CloudFront gave the key, or what to do about it. */
export function keyIdText(key: CloudFrontKey): string {
  return key.keyPairId ?? 'not uploaded yet';
}

export type KeyListItem = { kind: 'heading'; customer: string } | { kind: 'key'; customer: string; key: CloudFrontKey };

/** Keys grouped per customer (A–Z, keys without one last), each group A–Z by label. */
export function keyListItems(keys: readonly CloudFrontKey[]): KeyListItem[] {
  const groups = new Map<string, CloudFrontKey[]>();
  for (const key of keys) {
    const customer = key.customer?.trim() || NO_CUSTOMER;
    groups.set(customer, [...(groups.get(customer) ?? []), key]);
  }
  const names = [...groups.keys()].sort((a, b) => (a === NO_CUSTOMER ? 1 : b === NO_CUSTOMER ? -1 : a.localeCompare(b)));
  return names.flatMap((customer) => [
    { kind: 'heading' as const, customer },
    ...(groups.get(customer) ?? []).sort((a, b) => a.label.localeCompare(b.label)).map((key) => ({ kind: 'key' as const, customer, key })),
  ]);
}

/** Whether pasted PEM text is an encrypted private key (PKCS#8 ENCRYPTED, or PKCS#1 with Proc-Type 4,ENCRYPTED). */
export function looksEncrypted(pem: string): boolean {
  return /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(pem);
}
