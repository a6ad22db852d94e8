import type { SetupIssue } from '../../domain/onboarding';

/**
 * Zod issues as setup issues, one per field and message: a rule that is checked twice on its way
 * (a schema and its refinement) must not show the user the same sentence twice.
 */
export function setupIssuesOf(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): SetupIssue[] {
  const seen = new Set<string>();
  const out: SetupIssue[] = [];
  for (const issue of issues) {
    const found = { path: issue.path.map(String).join('.'), message: issue.message };
    const key = `${found.path}\u0000${found.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(found);
  }
  return out;
}
