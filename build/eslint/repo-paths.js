// Where a linted file sits in the repository: the rules decide by resolved path, not by string
// pattern, so `../../electron/x` and `../../../shared` (the handbook outside the repo) are both seen.
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

/** True when `file` (absolute) is `dir` (relative to the repository) or inside it. */
export function inside(file, dir) {
  const rel = path.relative(path.join(root, dir), file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
