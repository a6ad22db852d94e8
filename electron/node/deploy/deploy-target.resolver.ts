import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsCredentials } from '../../../shared/domain/aws';
import type { DeployTarget } from '../../../shared/domain/deploy-flow';
import { confirmTargetAccount } from '../../../shared/logic/cloudformation-guardrails';
import { callRegion } from '../../../shared/logic/profile-chain';
import { requireProfile } from '../../../shared/logic/profile-lookup';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { SessionCredentialSource } from '../../../shared/ports/session-credentials';
import type { StsGateway } from '../../../shared/ports/sts-gateway';

/** A target with the session credentials that reach it (main side only: never for IPC). */
export interface ResolvedTarget {
  target: DeployTarget;
  credentials: AwsCredentials;
}

/**
 * Where a deploy goes: the profile's session (one MFA prompt at most, through the sessions'
 * broker), the region, and the identity AWS sees, from GetCallerIdentity. Asking AWS rather than
 * reading the role ARN is what makes the target shown before a deploy the one that will change:
 * the account really reached, and the identity the history records.
 */
export class DeployTargetResolver {
  constructor(
    private readonly deps: { profiles: ProfileDirectory; sessions: SessionCredentialSource; sts: StsGateway },
  ) {}

  async resolve(profileRef: string, region?: string): Promise<ResolvedTarget> {
    const { profiles } = await this.deps.profiles.read();
    const profile = requireProfile(profiles, profileRef);
    const where = region ?? callRegion(profiles, profile);
    const credentials = await this.deps.sessions.credentials(profile.id, { interactive: true });
    const identity = await this.deps.sts.getCallerIdentity(credentials, where);
    return {
      credentials,
      target: {
        profileId: profile.id,
        profileName: profile.name,
        accountId: identity.account,
        region: where,
        identityArn: identity.arn,
        production: profile.production === true,
        ...(profile.label ? { customer: profile.label } : {}),
      },
    };
  }

  /** Fresh credentials for a target resolved earlier (a review may outlast a cached session's check). */
  credentials(target: DeployTarget): Promise<AwsCredentials> {
    return this.deps.sessions.credentials(target.profileId, { interactive: true });
  }
}

/**
 * The production guardrail: a production target goes ahead only with its account ID typed.
 * Refused as VALIDATION (the CLI's exit 6) with confirmTargetAccount's words, naming the flag.
 */
export function requireTypedAccount(target: DeployTarget, typed: string | undefined, what: string): void {
  if (!target.production) return;
  const check = confirmTargetAccount(typed ?? '', target.accountId);
  if (check.ok) return;
  const missing = (typed ?? '').trim() === '';
  throw new RoledeckError(
    'VALIDATION',
    missing
      ? `${target.profileName} is a production profile: ${what} in account ${target.accountId} (${target.region}) needs that account ID typed to confirm (on the command line: --confirm-account <account ID>). Nothing was changed.`
      : check.message,
  );
}
