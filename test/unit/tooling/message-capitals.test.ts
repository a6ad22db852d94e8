import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../../electron/cli/usage/command-spec';
import { COMMANDS } from '../../../electron/cli/usage/commands.catalog';

/*
 * Every message a person reads starts with a capital letter: the errors the main side and the CLI
 * raise, and the rules of every schema (the forms, the IPC contract and the CLI show those words).
 * Read from the source, so a new message cannot slip past. A usage error may start with the
 * command it is about ("store reset asks for …"), as written.
 */

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FOLDERS = ['shared', 'electron/node', 'electron/cli', 'electron/web-host', 'electron/main'];
const COMMAND_WORDS = new Set((COMMANDS as readonly CommandSpec[]).map((spec) => spec.name.split(' ')[0]!));

function sources(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, folder))) {
    const relative = path.join(folder, entry);
    if (statSync(path.join(ROOT, relative)).isDirectory()) found.push(...sources(relative));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) found.push(relative);
  }
  return found;
}

/** The start of each message literal: an error's message argument, or a schema rule's message. */
const MESSAGE_STARTS: Array<{ kind: string; pattern: RegExp }> = [
  { kind: 'error', pattern: /new (?:RoledeckError|AwsCallError)\(\s*'[A-Z_]+',\s*(['"`])([^'"`]{0,40})/g },
  { kind: 'usage error', pattern: /new UsageError\(\s*(['"`])([^'"`]{0,40})/g },
  { kind: 'schema rule', pattern: /\.(?:min|max|length|gte|lte|gt|lt|regex|refine|startsWith|endsWith|includes|nonempty|int)\((?:[^()]|\([^()]*\))*?,\s*(['"`])([^'"`]{0,40})/g },
  { kind: 'schema issue', pattern: /addIssue\(\{[^}]*message:\s*(['"`])([^'"`]{0,40})/g },
];

function startsBadly(kind: string, start: string): boolean {
  if (start.startsWith('${') || !/^[a-z]/.test(start)) return false;
  if (kind === 'usage error') return !COMMAND_WORDS.has(/^[\w-]+/.exec(start)?.[0] ?? '');
  return true;
}

describe('messages start with a capital letter', () => {
  it('in every error and every schema rule of shared/ and electron/', () => {
    const lowercase: string[] = [];
    for (const file of FOLDERS.flatMap(sources)) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const { kind, pattern } of MESSAGE_STARTS) {
        for (const match of text.matchAll(pattern)) {
          if (!startsBadly(kind, match[2] ?? '')) continue;
          const line = text.slice(0, match.index).split('\n').length;
          lowercase.push(`${file}:${line} (${kind}): “${match[2]}…”`);
        }
      }
    }
    expect(lowercase).toEqual([]);
  });

  it('finds a lowercase message when there is one (the check itself can fail)', () => {
    const text = "throw new RoledeckError('VALIDATION', 'source: there is no profile'); z.string().min(1, 'at least one');";
    const found = MESSAGE_STARTS.flatMap(({ kind, pattern }) => [...text.matchAll(pattern)].filter((match) => startsBadly(kind, match[2] ?? '')));
    expect(found).toHaveLength(2);
  });
});
