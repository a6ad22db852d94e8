/**
 * The one way an audit entry is made from what a feature knows (issue 16 item 7), so every call
 * site writes the same fields the same way: the profile by id and name, its customer (the label),
 * the identity that signed, and a failure as `result: 'failed'` with its message. Redaction and
 * clipping happen when the line is written (audit-chain.ts), for every entry alike.
 */
import type { AuditEntry, AuditFacts } from '../ports/audit-log';
import { messageOf } from './error-message';

/** Actions recorded beside the profile edits, deploys and CloudFront ones their services name. */
export const AUDIT_ACTION = {
  /** AssumeRole for a role profile. */
  assume: 'assume',
  /** GetSessionToken with MFA for an IAM user. */
  mfaSession: 'mfa-session',
  /** An export copied to the clipboard (the app). */
  copy: 'copy',
  /** `roledeck export` printed credentials. */
  export: 'export',
  /** `roledeck credential-process` answered an AWS CLI or SDK. */
  credentialProcess: 'credential-process',
  /** The AWS console opened with a session (roledeck console). */
  console: 'console',
  /** A customer's onboarding completed: their reply became a role profile with verified access. */
  onboard: 'onboard',
} as const;

export interface AuditSubject {
  /** Unknown where only the name is at hand (the credential_process quick path by name). */
  id?: string | undefined;
  name: string;
  /** The customer the profile belongs to. */
  label?: string | undefined;
}

export interface AuditOutcome {
  identity?: string | undefined;
  detail?: string | undefined;
  facts?: AuditFacts | undefined;
  customer?: string | undefined;
  /** Present: the action failed with this. */
  error?: unknown;
}

export function auditEntry(action: string, at: number, subject: AuditSubject | undefined, outcome: AuditOutcome = {}): AuditEntry {
  const customer = outcome.customer ?? subject?.label;
  const detail = outcome.error !== undefined ? messageOf(outcome.error) : outcome.detail;
  return {
    at,
    action,
    ...(subject?.id !== undefined ? { profileId: subject.id } : {}),
    ...(subject ? { profileName: subject.name } : {}),
    ...(customer !== undefined ? { customer } : {}),
    ...(outcome.identity !== undefined ? { identity: outcome.identity } : {}),
    result: outcome.error !== undefined ? 'failed' : 'ok',
    ...(detail !== undefined ? { detail } : {}),
    ...(outcome.facts !== undefined ? { facts: outcome.facts } : {}),
  };
}
