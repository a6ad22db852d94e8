/**
 * The audit entry for credentials the CLI handed out (`credential-process`, `export`), on the quick
 * path and the full one alike. The quick path appends straight to the log file: no store (it would
 * have to be decrypted, issue 12's rule), so its entry names the profile as the command line did
 * (name, and id for `--id`) without the customer, which only the store knows. A log that cannot be
 * written never fails the answer the AWS CLI is waiting for.
 */
import { AUDIT_ACTION, auditEntry, type AuditSubject } from '../../shared/logic/audit-entry';
import type { AuditLog } from '../../shared/ports/audit-log';
import { JsonlAuditLog } from '../node/audit/jsonl.audit-log';

export type ServedCommand = 'credential-process' | 'export';

export interface Served {
  command: ServedCommand;
  profile: AuditSubject;
  /** Where the answer came from: the running app, the keychain cache, or the full path. */
  via: 'app' | 'keychain' | 'full';
  /** The export format (never the text). */
  format?: string;
  /** `export --copy`: the text went to the clipboard, not stdout. */
  copied?: boolean;
  error?: unknown;
}

export async function recordServed(log: AuditLog, served: Served, now = Date.now()): Promise<void> {
  const action = served.copied ? AUDIT_ACTION.copy : served.command === 'export' ? AUDIT_ACTION.export : AUDIT_ACTION.credentialProcess;
  const what = served.command === 'export' ? `${served.format ?? 'default'} export` : 'credential_process';
  const source = served.via === 'app' ? 'from the running app' : served.via === 'keychain' ? 'from the keychain cache' : 'by the full CLI';
  const detail = served.copied ? `${what} copied to the clipboard (${source})` : `${what} served (${source})`;
  try {
    await log.append(auditEntry(action, now, served.profile, { detail, ...(served.error !== undefined ? { error: served.error } : {}) }));
  } catch {
    // Deliberately silent on the quick path: stderr there is read by the AWS CLI as a failure hint.
  }
}

/** The log file under `home`, for the quick path. */
export function quickAuditLog(home: string): AuditLog {
  return new JsonlAuditLog({ home });
}
