import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exceptionProblems, reviewFindings, type Finding, type ReviewedException } from '../../tooling/electronegativity-findings.mjs';

const root = path.resolve(import.meta.dirname, '../../..');

function finding(check: string, file: string, severity: Finding['severity'] = 'MEDIUM'): Finding {
  return { check, severity, confidence: 'FIRM', file, line: 1, column: 0, description: 'd', sample: null };
}
function exception(check: string, file: string): ReviewedException {
  return { check, file, reason: 'A reason long enough to say why the finding does not apply here.', shownBy: 'test/x.test.ts' };
}

describe('reviewing Electronegativity findings', () => {
  it('lets a finding through only under an exception naming its check and file', () => {
    const review = reviewFindings(
      [finding('SANDBOX_JS_CHECK', 'electron/main/main.ts'), finding('SANDBOX_JS_CHECK', 'electron/main/other.ts')],
      [exception('SANDBOX_JS_CHECK', 'electron/main/main.ts')],
    );
    expect(review.excused.map((entry) => entry.finding.file)).toEqual(['electron/main/main.ts']);
    expect(review.unreviewed.map((entry) => entry.file)).toEqual(['electron/main/other.ts']);
  });

  it('lists informational findings without failing on them', () => {
    const review = reviewFindings([finding('ELECTRON_VERSION_JSON_CHECK', 'package.json', 'INFORMATIONAL')], []);
    expect(review.unreviewed).toEqual([]);
    expect(review.informational).toHaveLength(1);
  });

  it('reports an exception that matches nothing any more, so the list cannot outlive the code', () => {
    const review = reviewFindings([], [exception('CONTEXT_ISOLATION_JS_CHECK', 'electron/main/main.ts')]);
    expect(review.stale).toHaveLength(1);
  });

  it('refuses exceptions without a reason, a test, or with a one-word reason, and duplicates', () => {
    const problems = exceptionProblems([
      { check: 'A', file: 'f', shownBy: 't' },
      { check: 'B', file: 'f', reason: 'fine', shownBy: 't' },
      exception('C', 'f'),
      exception('C', 'f'),
    ]);
    expect(problems).toEqual(['exception 1 has no reason', 'exception 2 (B) gives too short a reason', 'exception 4 repeats C f']);
  });

  it('keeps the project’s own exception list well formed, each naming a test that exists', () => {
    const { exceptions } = JSON.parse(readFileSync(path.join(root, 'build/electronegativity-exceptions.json'), 'utf8')) as { exceptions: ReviewedException[] };
    expect(exceptionProblems(exceptions)).toEqual([]);
    expect(exceptions.filter((entry) => !existsSync(path.join(root, entry.shownBy)))).toEqual([]);
  });
});
