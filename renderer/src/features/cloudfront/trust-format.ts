import type { CloudFrontDistribution, CloudFrontKeyGroup } from '../../../../shared/domain/cloudfront';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';

/** CloudFront's rule for key group names (KeyGroupConfig.Name), checked before anything is sent. */
export const KEY_GROUP_NAME = /^[A-Za-z0-9_-]{1,128}$/;
export const KEY_GROUP_RULE = 'A key group name is 1–128 letters, digits, - and _';

/** One account's key groups and distributions, as "cloudfront.trust" answered. */
export interface TrustMap {
  keyGroups: CloudFrontKeyGroup[];
  distributions: CloudFrontDistribution[];
}

/** Where one stored key is trusted, as far as the last look-up saw. */
export type KnownTrust = TrustMap;

/** The key groups holding the key's public key, and the distributions trusting any of them. */
export function trustOfKey(map: TrustMap, key: CloudFrontKey): KnownTrust {
  const keyGroups = key.keyPairId ? map.keyGroups.filter((group) => group.publicKeyIds.includes(key.keyPairId ?? '')) : [];
  const ids = new Set(keyGroups.map((group) => group.id));
  return { keyGroups, distributions: map.distributions.filter((distribution) => distribution.trustedKeyGroupIds.some((id) => ids.has(id))) };
}

/** Per key group: its name, the stored keys in it (by label), and the distributions trusting it. */
export interface KeyGroupRow {
  group: CloudFrontKeyGroup;
  storedKeys: string[];
  distributions: CloudFrontDistribution[];
}

export function keyGroupRows(map: TrustMap, keys: readonly CloudFrontKey[]): KeyGroupRow[] {
  return map.keyGroups.map((group) => ({
    group,
    storedKeys: keys.filter((key) => key.keyPairId && group.publicKeyIds.includes(key.keyPairId)).map((key) => key.label),
    distributions: map.distributions.filter((distribution) => distribution.trustedKeyGroupIds.includes(group.id)),
  }));
}

/** How a distribution is named: its first alias, else its CloudFront domain. */
export function distributionName(distribution: CloudFrontDistribution): string {
  return distribution.aliases[0] ?? distribution.domainName;
}
