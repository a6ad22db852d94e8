import type { ChainReport } from '../logic/audit-chain';

/**
 * What Roledeck did on the user's behalf, for the user to look back at: profiles added, edited,
 * imported and removed, test deploys and deletes (key uploads will add theirs). Append-only: nothing here
 * changes or removes an entry; an adapter may keep only the newest entries.
 *
 * Entries never hold a secret (secret keys, session tokens, private keys, MFA codes): `detail`
 * is plain words, and `identity` an ARN or a profile name.
 */
export interface AuditEntry {
  /** Epoch ms. */
  at: number;
  /** What happened, e.g. 'add-user', 'update-role', 'import', 'remove'. */
  action: string;
  profileId?: string;
  /** The profile's name when the action happened (the id outlives a rename or a removal). */
  profileName?: string;
  /** The customer the action was for, when there is one. */
  customer?: string;
  /** Who acted: the identity (ARN) or profile that signed the AWS calls. */
  identity?: string;
  result: 'ok' | 'failed';
  /** Plain words for people, e.g. why it failed. */
  detail?: string;
  /**
   * Facts a feature reads back to show its own history (a deploy's stack, status, duration,
   * change count): short names, plain values, never a secret.
   */
  facts?: AuditFacts;
}

export type AuditFacts = Readonly<Record<string, string | number | boolean>>;

export interface AuditQuery {
  profileId?: string;
  action?: string;
  /** Entries at or after this time (epoch ms). */
  since?: number;
  /** At most this many, the newest. */
  limit?: number;
}

export interface AuditLog {
  /** Appends the entries in order, in one write. */
  append(...entries: AuditEntry[]): Promise<void>;
  /** Matching entries, oldest first. */
  list(query?: AuditQuery): Promise<AuditEntry[]>;
}

/** The log read back whole: its entries and whether its chain holds (the audit view, `roledeck audit`). */
export interface AuditTrail extends AuditLog {
  /** Which lines broke the chain and how; `verified` counts the entries that checked out. */
  verify(): Promise<ChainReport>;
}
