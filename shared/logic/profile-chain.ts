import type { IamUserProfile, Profile } from '../domain/profile';

/**
 * A profile's chain: the IAM user at its root, then each role assumed from the one before, down to
 * the profile itself. Pure; every function takes the profile list as one read of the store found it.
 */

/** Where AWS calls go when neither the profile nor its IAM user names a region (the SDKs' usual default for STS). */
export const DEFAULT_REGION = 'us-east-1';

/** The chain from its root down to `profile`. Stops early at a missing source or a cycle. */
export function chainOf(profiles: readonly Profile[], profile: Profile): Profile[] {
  const byId = new Map(profiles.map((entry) => [entry.id, entry]));
  const chain: Profile[] = [profile];
  let current: Profile | undefined = profile;
  while (current?.kind === 'role') {
    current = byId.get(current.sourceId);
    if (!current || chain.includes(current)) break;
    chain.unshift(current);
  }
  return chain;
}

/** The IAM user at the root of the chain; undefined when the chain is broken. */
export function rootUserOf(profiles: readonly Profile[], profile: Profile): IamUserProfile | undefined {
  const root = chainOf(profiles, profile)[0];
  return root?.kind === 'iam-user' ? root : undefined;
}

/** Whether following source links from `startId` reaches `targetId` (a cycle if it were the source). */
export function reachesThrough(profiles: readonly Profile[], startId: string, targetId: string): boolean {
  const byId = new Map(profiles.map((entry) => [entry.id, entry]));
  const seen = new Set<string>();
  for (let current = byId.get(startId); current; current = current.kind === 'role' ? byId.get(current.sourceId) : undefined) {
    if (current.id === targetId) return true;
    if (seen.has(current.id)) return false;
    seen.add(current.id);
  }
  return false;
}

/** The profile itself and every profile whose chain goes through it: what an edit to it affects. */
export function profilesThrough(profiles: readonly Profile[], profileId: string): Profile[] {
  return profiles.filter((entry) => entry.id === profileId || chainOf(profiles, entry).some((link) => link.id === profileId));
}

/**
 * The one region rule: the profile's own region, else the region of the IAM user its chain starts
 * from; undefined when neither names one. Sessions call AWS there, and an installed
 * credential_process profile gets it as its `region` line.
 */
export function profileRegion(profiles: readonly Profile[], profile: Profile): string | undefined {
  return profile.region ?? rootUserOf(profiles, profile)?.region;
}

/** The region AWS calls for the profile go to: profileRegion, else DEFAULT_REGION. */
export function callRegion(profiles: readonly Profile[], profile: Profile): string {
  return profileRegion(profiles, profile) ?? DEFAULT_REGION;
}
