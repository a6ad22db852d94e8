// The suite's Electron configuration check: Doyensec's Electronegativity over the code that ships
// (electron/, renderer/, forge.config.ts, build/fuses.ts, package.json and the built index.html with
// its CSP). It passes with no finding above INFORMATIONAL other than the reviewed exceptions in
// build/electronegativity-exceptions.json, and fails on an exception that no longer matches anything.
//
// The tool is not a dependency of the project: `npm exec` fetches the pinned version into
// .cache/electronegativity on first use (node_modules is left alone) and reuses it after that.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeFinding, exceptionProblems, reviewFindings } from './electronegativity-findings.mjs';
import { figuresFile } from './figures.mjs';

export const ELECTRONEGATIVITY_VERSION = '1.10.3';
const root = path.resolve(import.meta.dirname, '../..');
const exceptionsFile = path.join(root, 'build/electronegativity-exceptions.json');

/**
 * Checks left out, and why: AvailableSecurityFixesGlobalCheck downloads Electron's release list
 * from GitHub, which this suite never reaches (no test leaves 127.0.0.1).
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** What ships, laid out as in the repository so findings name real paths. */
const SCANNED = ['electron', 'renderer/index.html', 'renderer/src', 'forge.config.ts', 'build/fuses.ts', 'package.json', '.vite/renderer/main_window/index.html'];

function electronVersion() {
  const installed = path.join(root, 'node_modules/electron/package.json');
  if (existsSync(installed)) return JSON.parse(readFileSync(installed, 'utf8')).version;
  const range = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies?.electron ?? '';
  return range.replace(/^[^\d]*/, '');
}

function stage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'roledeck-electronegativity-'));
  for (const entry of SCANNED) {
    const from = path.join(root, entry);
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(dir, entry)), { recursive: true });
    cpSync(from, path.join(dir, entry), { recursive: true });
  }
  return dir;
}

function scan(input, output) {
  const cache = path.join(root, '.cache/electronegativity');
  mkdirSync(cache, { recursive: true });
  const result = spawnSync(
    'npm',
    [
      'exec', '--yes', '--prefer-offline', `--package=@doyensec/electronegativity@${ELECTRONEGATIVITY_VERSION}`, '--',
      'node', path.join(import.meta.dirname, 'electronegativity-scan.mjs'), input, output, electronVersion(), ...EXCLUDED_CHECKS,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
    },
  );
  if (result.status !== 0 || !existsSync(output)) {
    throw new Error(
      `Electronegativity ${ELECTRONEGATIVITY_VERSION} did not run (npm exec exited ${result.status}). ` +
        'On first use it is fetched from the npm registry into .cache/electronegativity: check that the registry is reachable.',
    );
  }
  return JSON.parse(readFileSync(output, 'utf8'));
}

function main() {
  if (!existsSync(path.join(root, '.vite/renderer/main_window/index.html'))) {
    console.error('electronegativity: the renderer is not built (its index.html carries the CSP): run `npm run build` first');
    process.exit(1);
  }
  const input = stage();
  let report;
  try {
    report = scan(input, path.join(input, 'findings.json'));
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
  const { exceptions } = JSON.parse(readFileSync(exceptionsFile, 'utf8'));
  const problems = exceptionProblems(exceptions);
  for (const exception of exceptions) {
    if (typeof exception.shownBy === 'string' && !existsSync(path.join(root, exception.shownBy))) {
      problems.push(`the exception for ${exception.check} in ${exception.file} names ${exception.shownBy}, which does not exist`);
    }
  }
  const unscanned = report.errors.filter((error) => !error.tolerable);
  const review = reviewFindings(report.findings, exceptions);

  console.log(`Electronegativity ${ELECTRONEGATIVITY_VERSION}: ${report.checks} checks, ${report.findings.length} findings (Electron ${electronVersion()})`);
  for (const { finding, exception } of review.excused) console.log(`  reviewed   ${describeFinding(finding)}\n             ${exception.reason}`);
  for (const finding of review.informational) console.log(`  info       ${describeFinding(finding)}`);
  for (const finding of review.unreviewed) console.log(`  UNREVIEWED ${describeFinding(finding)}`);
  for (const exception of review.stale) console.log(`  STALE      exception for ${exception.check} in ${exception.file} matches no finding: remove it`);
  for (const error of unscanned) console.log(`  UNSCANNED  ${error.file}: ${error.message}`);
  for (const problem of problems) console.log(`  EXCEPTIONS ${problem}`);

  const failed = review.unreviewed.length + review.stale.length + unscanned.length + problems.length;
  mkdirSync(path.dirname(figuresFile()), { recursive: true });
  appendFileSync(
    figuresFile(),
    `${JSON.stringify({ figure: 'Electronegativity findings above informational, unreviewed', value: review.unreviewed.length })}\n` +
      `${JSON.stringify({ figure: 'Electronegativity findings under a reviewed exception', value: review.excused.length })}\n`,
  );
  console.log(failed === 0 ? 'electronegativity: no unreviewed findings' : `electronegativity: ${failed} problem(s)`);
  process.exit(failed === 0 ? 0 : 1);
}

main();
