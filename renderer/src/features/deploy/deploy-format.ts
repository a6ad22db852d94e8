/** Words and tones the Deploy section shows; pure, so the tests read them without a page. */

export type Tone = 'ok' | 'danger' | 'progress' | 'neutral';

/** CREATE_COMPLETE green, anything FAILED or rolling back red, IN_PROGRESS blue. */
export function eventTone(status: string): Tone {
  if (/FAILED|ROLLBACK/.test(status)) return 'danger';
  if (status.endsWith('_IN_PROGRESS')) return 'progress';
  if (status.endsWith('_COMPLETE') || status.endsWith('_SKIPPED')) return 'ok';
  return 'neutral';
}

/** "14:03:07" in the viewer's clock. */
export function formatEventTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** "2 Dec, 14:03". */
export function formatWhen(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** A stack name from a file name: "queue-test.yaml" → "queue-test"; letters, digits and hyphens only. */
export function stackNameFromFile(name: string): string {
  const base = name.replace(/\.(ya?ml|json|template|txt)$/i, '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^[^A-Za-z]+/, '').replace(/-+$/, '');
  return base.slice(0, 128);
}

/**
 * "assumed-role/Deployer/roledeck-consultant" for "arn:aws:sts::123456789012:assumed-role/…": the
 * account shows beside it already; the full ARN stays in the tooltip.
 */
export function identityName(arn: string): string {
  return arn.split(':').slice(5).join(':') || arn;
}
