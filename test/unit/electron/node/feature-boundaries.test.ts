import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every module a file imports (static, type-only and dynamic), resolved to a path in the repository. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => path.relative(root, path.resolve(path.dirname(file), specifier)));
}

function crossings(from: string, to: string): string[] {
  return sourceFiles(from).flatMap((file) =>
    importsOf(file)
      .filter((target) => target === to || target.startsWith(`${to}/`))
      .map((target) => `${path.relative(root, file)} -> ${target}`),
  );
}

describe('feature boundaries', () => {
  it('keeps sessions and profiles apart: each needs the other only through shared/ports', () => {
    expect(crossings('electron/node/sessions', 'electron/node/profiles')).toEqual([]);
    expect(crossings('electron/node/profiles', 'electron/node/sessions')).toEqual([]);
  });

  it('writes keychain item names only in shared/domain/keychain-items.ts', () => {
    const itemName = /['"`](?:store\/key|session-index|status-probe|(?:session|mfa-session|user|cloudfront-key)\/\$\{)|#part\$\{/;
    const offenders = [...sourceFiles('electron'), ...sourceFiles('shared')]
      .filter((file) => !file.endsWith(path.join('shared', 'domain', 'keychain-items.ts')))
      .filter((file) => itemName.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
