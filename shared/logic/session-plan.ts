import type { CachedSession, PlanStep } from '../domain/cached-session';
import type { Profile } from '../domain/profile';
import { usableAsSource } from './session-timing';

/**
 * What a cached session depends on and what renewing it will take. Pure: the chain comes from
 * chainOf (profile-chain.ts), and what else is cached is asked through a lookup.
 */

function fingerprintFields(profile: Profile): unknown[] {
  if (profile.kind === 'iam-user') return ['user', profile.id, profile.accessKeyId, profile.mfaSerial ?? ''];
  return [
    'role',
    profile.id,
    profile.roleArn,
    profile.sourceId,
    profile.externalId ?? '',
    profile.mfaSerial ?? '',
    profile.sessionName ?? '',
    profile.durationSeconds ?? 0,
    profile.region ?? '',
    profile.sourceIdentity ?? '',
    profile.tags ?? [],
  ];
}

/**
 * The text a session's fingerprint is hashed from: every field of every link that changes what
 * AWS hands out. An edit to any link makes cached sessions of the chain stale.
 */
export function fingerprintSource(chain: readonly Profile[]): string {
  return JSON.stringify(chain.map(fingerprintFields));
}

/** The chain as the next refresh walks it, target first: which hops send a code of their own. */
export function planOf(chain: readonly Profile[]): PlanStep[] {
  const steps: PlanStep[] = [];
  let mfaContext = false;
  for (const link of chain) {
    if (link.kind === 'iam-user') {
      steps.push({ profileId: link.id, kind: 'user', ...(link.mfaSerial ? { mfaSerial: link.mfaSerial } : {}) });
      mfaContext = link.mfaSerial !== undefined;
    } else {
      const direct: boolean = link.mfaSerial !== undefined && !mfaContext;
      steps.push({ profileId: link.id, kind: 'role', ...(direct && link.mfaSerial ? { mfaSerial: link.mfaSerial } : {}) });
      mfaContext ||= direct;
    }
  }
  return steps.reverse();
}

/** A cached session this process holds, looked up by what it is for. */
export type HeldSession = (kind: 'role' | 'mfa-session', profileId: string) => Pick<CachedSession, 'expiresAt'> | undefined;

/**
 * The device a refresh at `at` would need a code from, or undefined if it can run unattended: the
 * walk stops at the first source still usable then (its session signs the next hop).
 */
export function mfaNeededAt(session: Pick<CachedSession, 'kind' | 'plan'>, at: number, held: HeldSession): string | undefined {
  const [target, ...sources] = session.plan;
  if (session.kind === 'mfa-session') return target?.mfaSerial ?? 'MFA device';
  if (target?.mfaSerial) return target.mfaSerial;
  for (const step of sources) {
    if (step.kind === 'role') {
      const source = held('role', step.profileId);
      if (source && usableAsSource(source, at)) return undefined;
      if (step.mfaSerial) return step.mfaSerial;
      continue;
    }
    if (!step.mfaSerial) return undefined;
    const source = held('mfa-session', step.profileId);
    return source && usableAsSource(source, at) ? undefined : step.mfaSerial;
  }
  return undefined;
}
