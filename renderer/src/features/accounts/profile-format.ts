import type { ProfileView } from '../../../../shared/domain/profile-view';

/** "consultant → acme-hub → acme-prod" */
export function chainText(chain: readonly string[]): string {
  return chain.join(' → ');
}

/** 3600 -> "1 h", 5400 -> "1 h 30 min", 900 -> "15 min", 43200 -> "12 h", 61 -> "1 min 1 s". */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = Math.floor(seconds % 60);
  const parts = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', rest ? `${rest} s` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 s';
}

export function kindLabel(profile: ProfileView): string {
  return profile.kind === 'iam-user' ? 'IAM user' : 'Role';
}

