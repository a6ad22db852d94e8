import type { AccessCause } from '../domain/session';

/**
 * "Test access" explains a failure in plain words. AWS answers most trust-policy problems with the
 * same AccessDenied ("User: … is not authorized to perform: sts:AssumeRole on resource: …"), whether
 * the principal, the ExternalId or an MFA condition is what failed, so the explanation leans on what
 * Roledeck knows about the step (was an ExternalId sent? an MFA code?) and names every likely cause
 * it cannot rule out. Pure: no AWS, no clock.
 */

export type AccessOperation = 'GetSessionToken' | 'AssumeRole' | 'GetCallerIdentity' | 'Prepare';

export interface AccessStep {
  /** The profile whose step failed. */
  profileName: string;
  operation: AccessOperation;
  roleArn?: string;
  /** Whether this profile sends an ExternalId. */
  hasExternalId?: boolean;
  /** What signed the call: the IAM user's own keys, its MFA session, or another role's session. */
  source?: 'user-keys' | 'mfa-session' | 'role';
  /** The profile whose credentials signed the call (the IAM user for its keys). */
  signedBy?: string;
  /** MFA on this call: a code sent with it, MFA context carried by the source session, or none. */
  mfa?: 'code' | 'inherited' | 'none';
  durationSeconds?: number;
}

export interface AccessDiagnosis {
  cause: AccessCause;
  explanation: string;
}

function credentialsWords(source: AccessStep['source']): string {
  if (source === 'mfa-session') return 'MFA session';
  if (source === 'role') return 'session';
  return 'keys';
}

/**
 * The step of a chain in words, for "Failed while …": which call, for which profile, signed with
 * whose credentials. "assuming acme-prod with consultant’s keys (AssumeRole)".
 */
export function stepDescription(step: AccessStep): string {
  switch (step.operation) {
    case 'Prepare':
      return `preparing ${step.profileName}`;
    case 'GetSessionToken':
      return `getting an MFA session for ${step.profileName} (GetSessionToken)`;
    case 'AssumeRole':
      return `assuming ${step.profileName}${step.signedBy ? ` with ${step.signedBy}’s ${credentialsWords(step.source)}` : ''} (AssumeRole)`;
    case 'GetCallerIdentity':
      return `checking who ${step.profileName} is (GetCallerIdentity)`;
  }
}

/** Where the customer sets the trust policy up (the onboarding walkthrough's numbering). */
const SETUP_STEP = 'check step 2 of the customer setup (the role’s trust relationship)';

const MFA_CODE_REJECTED = /MultiFactorAuthentication failed/i;
const MFA_SERIAL_UNKNOWN = /unable to validate MFA code/i;
const CHAINING_LIMIT = /session limit for roles assumed by role chaining/i;
const ROLE_MAX_DURATION = /DurationSeconds exceeds the MaxSessionDuration/i;
const SIGNATURE_EXPIRED = /Signature expired|is now earlier than|is now later than|Signature not yet current/i;
const IDENTITY_POLICY = /identity-based policy|permissions boundary|service control policy|session policy/i;
const NETWORK_CODES = new Set(['NetworkError', 'TimeoutError', 'ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN']);

/** The principal AWS names in an AccessDenied message ("User: arn:aws:iam::…:user/x is not authorized"). */
export function principalFromMessage(message: string): string | undefined {
  return /User: (arn:[^\s]+) is not authorized/.exec(message)?.[1];
}

function hoursText(seconds: number): string {
  const value = seconds / 3600;
  return Number.isInteger(value) ? `${value} h` : `${seconds} s`;
}

function assumeRoleDenied(step: AccessStep, message: string): AccessDiagnosis {
  const principal = principalFromMessage(message) ?? 'your IAM user';
  const role = step.roleArn ?? 'the role';
  if (IDENTITY_POLICY.test(message)) {
    return {
      cause: 'permissions',
      explanation:
        `${principal} is not allowed to call sts:AssumeRole on ${role}: a policy on your side (the IAM user's policy, ` +
        `a permissions boundary or an SCP) does not allow it. Allow sts:AssumeRole on ${role} in your own account.`,
    };
  }
  const mfaHint =
    step.mfa === 'none' || step.mfa === undefined
      ? ' The role may also require MFA (a condition on aws:MultiFactorAuthPresent), and this profile assumes it without an MFA code: add your MFA device to the IAM user or to this profile.'
      : '';
  if (step.hasExternalId) {
    return {
      cause: 'external-id',
      explanation:
        `AWS refused to let ${principal} assume ${role}. The role's trust policy requires an ExternalId and it differs ` +
        `from the one in ${step.profileName}, or the trust policy does not name ${principal} — ${SETUP_STEP}.${mfaHint}`,
    };
  }
  return {
    cause: 'trust-policy',
    explanation:
      `AWS refused to let ${principal} assume ${role}. The role's trust policy does not name ${principal} (it may name ` +
      `another user, or the account root), or it requires an ExternalId and ${step.profileName} has none set — ${SETUP_STEP}.${mfaHint}`,
  };
}

/** The likely cause of a failed step, and what to check, from the AWS error code and message. */
export function diagnoseAccess(step: AccessStep, code: string, message: string): AccessDiagnosis {
  const who = step.profileName;
  const signer = step.signedBy ?? who;
  switch (code) {
    case 'ROLE_NOT_ALLOWED':
      return { cause: 'role-not-allowed', explanation: message };
    case 'MFA_CANCELLED':
      return { cause: 'cancelled', explanation: `The MFA prompt for ${who} was cancelled, so access was not tested. Run the test again and enter a code.` };
    case 'MFA_REQUIRED':
      return { cause: 'mfa-required', explanation: message };
    case 'KEYCHAIN_LOCKED':
    case 'KEYCHAIN_UNAVAILABLE':
    case 'NOT_FOUND':
    case 'VALIDATION':
      return { cause: 'unknown', explanation: message };
    case 'InvalidClientTokenId':
      return step.source === 'user-keys' || step.source === undefined
        ? {
            cause: 'keys-invalid',
            explanation: `AWS does not recognise the access key ID of ${signer}: it was deleted or mistyped, or the key is inactive. Create a new access key for the IAM user and update the profile.`,
          }
        : {
            cause: 'session-expired',
            explanation: `AWS did not accept the temporary session of ${signer} that ${who} was called with (${message}). End that session and start it again.`,
          };
    case 'SignatureDoesNotMatch':
      return SIGNATURE_EXPIRED.test(message)
        ? clockSkew()
        : {
            cause: 'keys-invalid',
            explanation: `The secret access key stored for ${signer} does not belong to its access key ID. Edit that profile and enter the secret access key again.`,
          };
    case 'RequestExpired':
    case 'RequestTimeTooSkewed':
    case 'InvalidSignatureException':
      return clockSkew();
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return {
        cause: 'session-expired',
        explanation:
          step.source === 'mfa-session'
            ? `The MFA session of ${signer} that ${who} was called with has expired. Start the session again and enter a new MFA code.`
            : `The session of ${signer} that ${who} was called with has expired. Start it again; Roledeck obtains a new one.`,
      };
    case 'RegionDisabledException':
      return {
        cause: 'region-disabled',
        explanation: `STS is not activated in this profile's region for the account. Pick another region for ${who} (us-east-1 always works), or have the account administrator activate the region in IAM → Account settings.`,
      };
    case 'ValidationError':
      if (CHAINING_LIMIT.test(message)) {
        return {
          cause: 'duration',
          explanation: `AWS allows at most 1 h for a role assumed from another session (role chaining), and ${who} asked for ${step.durationSeconds ? hoursText(step.durationSeconds) : 'more'}. Set its duration to 3600 seconds or less.`,
        };
      }
      if (ROLE_MAX_DURATION.test(message)) {
        return {
          cause: 'duration',
          explanation: `${who} asks for a ${step.durationSeconds ? hoursText(step.durationSeconds) : 'longer'} session, more than the role's maximum session duration. Lower the profile's duration, or ask the account owner to raise the role's "Maximum session duration" in IAM.`,
        };
      }
      return { cause: 'unknown', explanation: `AWS refused the request from ${who} as invalid: ${message}` };
    case 'AccessDenied':
      if (MFA_CODE_REJECTED.test(message)) {
        return {
          cause: 'mfa-code',
          explanation: MFA_SERIAL_UNKNOWN.test(message)
            ? `AWS could not check the MFA code for ${who}: the MFA device in the profile may not be the one assigned to the IAM user. Compare the device ARN with IAM → Users → Security credentials.`
            : `AWS did not accept the MFA code for ${who}. Enter the code your device shows now; a code can be used only once.`,
        };
      }
      if (step.operation === 'AssumeRole') return assumeRoleDenied(step, message);
      return {
        cause: 'permissions',
        explanation: `AWS denied ${step.operation} to ${who}: ${message}`,
      };
    default:
      if (NETWORK_CODES.has(code)) {
        // Session callers pass where and why ("Could not reach AWS STS at …: connection refused");
        // others may pass the system's own words.
        const reach = /^Could not reach /.test(message) ? message : `Could not reach AWS STS for ${who} (${message})`;
        return {
          cause: 'network',
          explanation: `${reach}. Nothing reached AWS, so this says nothing about ${who}’s access: check the network connection, proxy or VPN (and AWS_ENDPOINT_URL, if set), then test again.`,
        };
      }
      return { cause: 'unknown', explanation: `AWS refused ${step.operation} for ${who}: ${code}: ${message}` };
  }
}

function clockSkew(): AccessDiagnosis {
  return {
    cause: 'clock-skew',
    explanation:
      'This computer’s clock differs from AWS’s by more than 5 minutes, so AWS rejects the signed request. Turn on automatic time synchronisation and try again.',
  };
}
