/** The app's top-level sections, in sidebar order; Ctrl/Cmd+1..7 follow this order. */
export const SECTIONS = [
  { id: 'accounts', label: 'Accounts', summary: 'IAM users and profiles whose keys live in your OS keychain.' },
  { id: 'sessions', label: 'Sessions', summary: 'Assumed roles, time left, and exports for your shells and tools.' },
  { id: 'deploy', label: 'Deploy', summary: 'One-click CloudFormation test deploys in the account you can see.' },
  { id: 'cloudfront', label: 'CloudFront', summary: 'Signed URLs and cookies for your customers’ distributions.' },
  { id: 'onboarding', label: 'Onboarding', summary: 'Everything a customer needs to let you in, and a check that it works.' },
  { id: 'audit', label: 'Audit', summary: 'What Roledeck did on your behalf, hash-chained so changes show.' },
  { id: 'settings', label: 'Settings', summary: 'Appearance, and what this copy of Roledeck runs on.' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];
export type Section = (typeof SECTIONS)[number];

export const DEFAULT_SECTION: SectionId = 'accounts';

export function isSectionId(value: unknown): value is SectionId {
  return typeof value === 'string' && SECTIONS.some((section) => section.id === value);
}

export function sectionById(id: SectionId): Section {
  // SECTIONS holds every SectionId, so the lookup cannot miss.
  return SECTIONS.find((section) => section.id === id) ?? SECTIONS[0];
}

/** `#/sessions` -> 'sessions'; anything unknown falls back to the default section. */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0];
  return isSectionId(id) ? id : DEFAULT_SECTION;
}

export function hashFor(id: SectionId): string {
  return `#/${id}`;
}

export interface ShortcutKeyEvent {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Ctrl+1..7 (Cmd+1..7 on macOS) switches section. The digit is read from the physical key
 * (`code`) when the browser reports it, and Shift is ignored, because layouts such as AZERTY
 * need Shift to type a digit. Alt combinations are left to the OS.
 */
export function sectionForShortcut(event: ShortcutKeyEvent, isMac: boolean): SectionId | null {
  const modifier = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!modifier || event.altKey) return null;
  const digit = event.code?.match(/^(?:Digit|Numpad)([1-9])$/)?.[1] ?? event.key.match(/^[1-9]$/)?.[0];
  if (digit === undefined) return null;
  const section = SECTIONS[Number(digit) - 1];
  return section ? section.id : null;
}

export function shortcutLabel(index: number, isMac: boolean): string {
  return isMac ? `⌘${index + 1}` : `Ctrl+${index + 1}`;
}
