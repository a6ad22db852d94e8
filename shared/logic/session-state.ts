import type { SessionState } from '../domain/session';

/** Runtime state the scheduler and explicit refreshes set; 'active' and 'expired' follow from the clock. */
export interface SessionStatus {
  state: 'refreshing' | 'needs-mfa' | 'failed';
  error?: { code: string; message: string };
}

/**
 * The state a session shows. A running refresh and a failure win; past its expiry a session is
 * expired even if a prompt is open for it (the prompt renews it, it does not keep it valid).
 */
export function stateOf(status: SessionStatus | undefined, expiresAt: number | undefined, now: number): SessionState {
  if (status?.state === 'refreshing') return 'refreshing';
  if (status?.state === 'failed') return 'failed';
  if (expiresAt !== undefined && now >= expiresAt) return 'expired';
  if (status?.state === 'needs-mfa') return 'needs-mfa';
  return 'active';
}
