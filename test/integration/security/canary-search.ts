/**
 * Searches text, streams and file trees for canary secrets (issue 16, item 1) in the forms a leak
 * takes: as is, JSON-escaped, URL-encoded, and base64 / base64url at each of the three byte
 * alignments a secret can have inside a larger encoded blob.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Canary {
  /** What it stands for, for the report: "secret access key (add user)". */
  name: string;
  value: string;
}

/**
 * The base64 text that appears for `value` wherever it sits in an encoded blob: encode it behind
 * 0, 1 and 2 filler bytes and keep only the characters made of its own bytes.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value);
  const forms: string[] = [];
  for (const lead of [0, 1, 2]) {
    for (const encoding of ['base64', 'base64url'] as const) {
      const encoded = Buffer.concat([Buffer.alloc(lead, 0x20), bytes]).toString(encoding).replace(/=+$/, '');
      // Lead bytes touch the first quartet; the last quartet mixes with whatever follows.
      const middle = encoded.slice(lead === 0 ? 0 : 4, -4);
      if (middle.length >= 12) forms.push(middle);
    }
  }
  return forms;
}

export function leakForms(value: string): string[] {
  const forms = new Set<string>([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), ...base64Forms(value)]);
  return [...forms].filter((form) => form.length > 0);
}

/** A digits-only canary (an MFA code) counts only standing alone, not inside a longer number. */
function matcher(canary: Canary): (text: string) => boolean {
  if (/^\d+$/.test(canary.value)) {
    const alone = new RegExp(`(?<!\\d)${canary.value}(?!\\d)`);
    return (text) => alone.test(text);
  }
  const forms = leakForms(canary.value);
  return (text) => forms.some((form) => text.includes(form));
}

export class CanarySearch {
  /** canary × place checks made. */
  checks = 0;
  readonly found: string[] = [];
  /** Every place searched, for the report. */
  readonly places: string[] = [];

  constructor(private readonly canaries: () => readonly Canary[]) {}

  /** One place: a log, a stream, a message list, one file. */
  search(place: string, content: string | Buffer): void {
    // latin1 keeps every byte as one character: binary files are searched byte for byte.
    const text = typeof content === 'string' ? content : content.toString('latin1');
    this.places.push(place);
    for (const canary of this.canaries()) {
      this.checks += 1;
      if (matcher(canary)(text)) this.found.push(`${canary.name} in ${place}`);
    }
  }

  /** Every regular file under `root`, except those the test itself wrote as input. */
  searchTree(root: string, skip: ReadonlySet<string> = new Set()): number {
    let files = 0;
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        const stats = lstatSync(full);
        if (stats.isDirectory()) walk(full);
        else if (stats.isFile() && !skip.has(full)) {
          files += 1;
          this.search(full, readFileSync(full));
        }
      }
    };
    walk(root);
    return files;
  }
}
