// Compares Electronegativity's findings with the reviewed exceptions (build/electronegativity-exceptions.json).
// Rules: every finding above INFORMATIONAL needs an exception naming its check and file, with a
// reason; an exception no finding needs any more is an error too, so the list cannot outlive the code.

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

export function isAboveInformational(finding) {
  return SEVERITIES.indexOf(finding.severity) > 0;
}

/** Problems with the exceptions file itself: each entry needs a check, a file, a reason and a test that shows it. */
export function exceptionProblems(exceptions) {
  const problems = [];
  const seen = new Set();
  exceptions.forEach((exception, index) => {
    const where = `exception ${index + 1}`;
    for (const field of ['check', 'file', 'reason', 'shownBy']) {
      if (typeof exception[field] !== 'string' || exception[field].trim() === '') problems.push(`${where} has no ${field}`);
    }
    if (typeof exception.reason === 'string' && exception.reason.trim().length < 40) problems.push(`${where} (${exception.check}) gives too short a reason`);
    const key = `${exception.check} ${exception.file}`;
    if (seen.has(key)) problems.push(`${where} repeats ${key}`);
    seen.add(key);
  });
  return problems;
}

/**
 * Splits the findings: `unreviewed` fail the check, `excused` are covered by an exception,
 * `informational` are listed only, `stale` exceptions match nothing.
 */
export function reviewFindings(findings, exceptions) {
  const matches = (exception, finding) => exception.check === finding.check && exception.file === finding.file;
  const used = new Set();
  const unreviewed = [];
  const excused = [];
  const informational = [];
  for (const finding of findings) {
    if (!isAboveInformational(finding)) {
      informational.push(finding);
      continue;
    }
    const exception = exceptions.find((candidate) => matches(candidate, finding));
    if (exception) {
      used.add(exception);
      excused.push({ finding, exception });
    } else {
      unreviewed.push(finding);
    }
  }
  const stale = exceptions.filter((exception) => !used.has(exception));
  return { unreviewed, excused, informational, stale };
}

export function describeFinding(finding) {
  return `${finding.check} (${finding.severity}, ${finding.confidence}) ${finding.file}:${finding.line}:${finding.column} ${finding.description}`;
}
