/**
 * A profile can be addressed in the URL hash: `#/accounts/acme-prod`. The command palette links
 * there, a reload keeps the highlighted profile, and sections.ts still reads `accounts`.
 */
export function profileHash(name: string): string {
  return `#/accounts/${encodeURIComponent(name)}`;
}

export function profileNameFromHash(hash: string): string | null {
  const match = /^#\/?accounts\/([^/?]+)/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Sent when the palette picks the profile the hash already names (no hashchange then). */
export const REVEAL_PROFILE_EVENT = 'roledeck:reveal-profile';

/** Shows a profile in Accounts: highlighted, scrolled into view, with keyboard focus on the list. */
export function revealProfile(name: string): void {
  const hash = profileHash(name);
  if (window.location.hash === hash) window.dispatchEvent(new CustomEvent<string>(REVEAL_PROFILE_EVENT, { detail: name }));
  else window.location.hash = hash;
}
