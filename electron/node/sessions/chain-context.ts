import { createHash } from 'node:crypto';
import type { Profile } from '../../../shared/domain/profile';
import type { KeySession } from '../../../shared/domain/store-document';
import { chainOf } from '../../../shared/logic/profile-chain';
import { profileNotFound } from '../../../shared/logic/profile-lookup';
import { DEFAULT_MFA_SESSION_SECONDS, DEFAULT_REFRESH_LEAD_SECONDS } from '../../../shared/logic/session-timing';
import { fingerprintSource } from '../../../shared/logic/session-plan';
import type { ProfileSnapshot } from '../../../shared/ports/profile-directory';

/** One read of the profiles and the settings that shape sessions: a whole chain is walked from it. */
export interface ChainContext {
  profiles: readonly Profile[];
  byId: ReadonlyMap<string, Profile>;
  leadMs: number;
  mfaSessionSeconds: number;
  allowList: readonly string[];
  /** The profile in use, when it still exists. */
  activeProfileId: string | null;
  /** IAM users in use with their long-term keys (settings.keySessions), by profile id. */
  keySessions: ReadonlyMap<string, KeySession>;
}

export function chainContextOf(snapshot: ProfileSnapshot): ChainContext {
  const byId = new Map(snapshot.profiles.map((profile) => [profile.id, profile]));
  const active = snapshot.settings.activeProfileId;
  return {
    profiles: snapshot.profiles,
    byId,
    leadMs: (snapshot.settings.refreshLeadSeconds ?? DEFAULT_REFRESH_LEAD_SECONDS) * 1000,
    mfaSessionSeconds: snapshot.settings.mfaSessionSeconds ?? DEFAULT_MFA_SESSION_SECONDS,
    allowList: snapshot.settings.roleNameAllowList,
    activeProfileId: active && byId.has(active) ? active : null,
    keySessions: new Map((snapshot.settings.keySessions ?? []).filter((entry) => byId.get(entry.profileId)?.kind === 'iam-user').map((entry) => [entry.profileId, entry])),
  };
}

/** The profile a caller means, by id (the window, the tray, credential_process) or by name. */
export function profileIn(ctx: ChainContext, ref: string): Profile {
  const profile = ctx.byId.get(ref) ?? ctx.profiles.find((entry) => entry.name === ref);
  if (!profile) throw profileNotFound(ref, ctx.profiles);
  return profile;
}

/** What the profile's session depends on, hashed: a cached session with another fingerprint is stale. */
export function sessionFingerprint(ctx: ChainContext, profile: Profile): string {
  return createHash('sha256').update(fingerprintSource(chainOf(ctx.profiles, profile))).digest('hex').slice(0, 32);
}
