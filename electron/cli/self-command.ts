import { realpathSync } from 'node:fs';
import path from 'node:path';

export interface SelfFacts {
  argv: readonly string[];
  execPath: string;
  /** Where a shell looked for a bare command name. */
  path?: string;
  /** Running as the single executable the desktop app ships (node:sea's isSea()). */
  sea: boolean;
  realpath: (file: string) => string;
}

function currentFacts(): SelfFacts {
  const sea = process.getBuiltinModule('node:sea') as { isSea?: () => boolean } | undefined;
  return { argv: process.argv, execPath: process.execPath, path: process.env.PATH ?? '', sea: sea?.isSea?.() === true, realpath: realpathSync };
}

/**
 * The words that start this CLI again, by absolute paths, for the credential_process lines it
 * writes (the SDKs run them from any folder, with whatever PATH they have).
 * - npm package: `<node> <script>`.
 * - single executable: the executable alone. Node puts the name it was started by in argv[1]: a
 *   path, or a bare `roledeck` that a shell found on PATH. When that leads to this executable (the
 *   link "Install the roledeck command" made), it is the stabler name — it survives the app moving
 *   and being reinstalled; otherwise the executable's own path inside the app.
 */
export function selfCommand(facts: SelfFacts = currentFacts()): string[] {
  const invoked = facts.argv[1];
  if (!facts.sea) return [facts.execPath, invoked ? path.resolve(invoked) : 'roledeck'];
  const resolves = (file: string): boolean => {
    try {
      return facts.realpath(file) === facts.realpath(facts.execPath);
    } catch {
      return false;
    }
  };
  if (invoked && path.isAbsolute(invoked) && resolves(invoked)) return [invoked];
  if (invoked && !invoked.includes('/') && !invoked.includes('\\')) {
    const dirs = (facts.path ?? '').split(path.delimiter).filter((dir) => path.isAbsolute(dir));
    const found = dirs.map((dir) => path.join(dir, invoked)).find(resolves);
    if (found) return [found];
  }
  return [facts.execPath];
}
