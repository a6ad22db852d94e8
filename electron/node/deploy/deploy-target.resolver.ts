import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsCredentials } from '../../../shared/domain/aws';
import type { DeployTarget } from '../../../shared/domain/deploy-flow';
import { confirmTargetAccount, isProductionProfile } from '../../../shared/logic/cloudformation-guardrails';
import { callRegion } from '../../../shared/logic/profile-chain';
import { requireProfile } from '../../../shared/logic/profile-lookup';
import { roleIdentity } from '../../../shared/logic/session-timing';
import type { Clock } from '../../../shared/ports/clock';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { SessionAccess } from '../../../shared/ports/session-access';
import type { StsGateway } from '../../../shared/ports/sts-gateway';

/** Credentials resolved for a review are used to execute it while they have this much time left. */
const REUSE_MARGIN_MS = 5 * 60_000;

/** A target with the session credentials that reach it (main side only: never for IPC). */
export interface ResolvedTarget {
  target: DeployTarget;
  credentials: AwsCredentials;
}

/**
 * Where a deploy goes: the profile's session (one MFA prompt at most, through the sessions'
 * broker), the region, and the identity AWS sees (what the history records and CloudTrail shows).
 * The session is obtained before anything is shown: the account displayed is the one reached.
 */
export class DeployTargetResolver {
  constructor(
    private readonly deps: { profiles: ProfileDirectory; sessions: Pick<SessionAccess, 'credentials'>; sts: StsGateway; clock: Clock },
  ) {}

  async resolve(profileRef: string, region?: string): Promise<ResolvedTarget> {
    const { profiles, customers } = await this.deps.profiles.read();
    const profile = requireProfile(profiles, profileRef);
    const where = region ?? callRegion(profiles, profile);
    const credentials = await this.deps.sessions.credentials(profile.id, { interactive: true });
    // A role's session is the assumed role AssumeRole just granted (account and ARN follow from
    // the role and the session name); only an IAM user's own keys need AWS to say whose they are.
    const identity =
      (profile.kind === 'role' ? roleIdentity(profiles, profile) : undefined) ?? (await this.deps.sts.getCallerIdentity(credentials, where));
    return {
      credentials,
      target: {
        profileId: profile.id,
        profileName: profile.name,
        accountId: identity.account,
        region: where,
        identityArn: identity.arn,
        production: isProductionProfile(profile, customers, profiles),
        ...(profile.label ? { customer: profile.label } : {}),
      },
    };
  }

  /**
   * Credentials for a target resolved earlier: the ones it was resolved with while they have a few
   * minutes left, else the session's current ones (a review may outlast a session).
   */
  async credentials(target: DeployTarget, earlier?: AwsCredentials): Promise<AwsCredentials> {
    if (earlier && (earlier.expiresAt === undefined || earlier.expiresAt - this.deps.clock.now() > REUSE_MARGIN_MS)) return earlier;
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
