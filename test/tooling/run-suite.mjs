// Runs every tier, reads each runner's JSON report and prints one closing line for the whole run.
// Vitest's and Playwright's own summaries are not what CI reads: this line is, so it stays last.
//
// The run owns what it starts: a random marker in the environment reaches every process a tier
// starts, each tier that needs a keyring gets its own private session (ended with the tier), and
// after the last tier whatever still carries the marker is reported as a leftover and ended. The
// temporary files are the run's too: every tier gets a TMPDIR of the run's own, removed at the end,
// so the hundreds of folders tests make (data folders, keyrings, templates) do not pile up in /tmp.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIGURES_ENV, clearFigures, formatFigures, readFigures } from './figures.mjs';
import { RUN_MARKER_ENV, describeSweep, newRunMarker, sweepMarked } from './process-sweep.mjs';

const results = 'test-results';
mkdirSync(results, { recursive: true });
process.env[RUN_MARKER_ENV] ||= newRunMarker();
process.env[FIGURES_ENV] = path.resolve(results, 'figures.jsonl');
clearFigures(process.env[FIGURES_ENV]);

const runTemp = mkdtempSync(path.join(tmpdir(), 'roledeck-suite-'));
process.env.TMPDIR = runTemp;
// tmux keeps its sockets under TMUX_TMPDIR, not TMPDIR, and leaves them after kill-server.
process.env.TMUX_TMPDIR = runTemp;

const KEYRING_SESSION = ['bash', 'test/integration/fixtures/keyring-session.sh'];

/** @type {Array<{tier: string, passed: number, failed: number, skipped: number, note?: string}>} */
const tiers = [];

/** @type {import('node:child_process').ChildProcess | null} */
let current = null;
/** @type {NodeJS.Signals | null} */
let stoppedBy = null;
for (const name of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM'])) {
  process.on(name, () => {
    // The tier is told to stop and cleans up after itself; the rest of the run is skipped, the
    // leftovers are still swept and the closing line still printed.
    stoppedBy = name;
    current?.kill(name);
  });
}

async function run(command, args, extraEnv = {}) {
  const started = Date.now();
  const status = await new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    current = child;
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  current = null;
  return { status, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

/** A build or static check counts as one test: it passes or it fails. */
async function check(tier, command, args) {
  if (stoppedBy) return false;
  console.log(`\n=== ${tier}: ${[command, ...args].join(' ')}`);
  const { status, seconds } = await run(command, args);
  tiers.push({ tier, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0, note: `${seconds}s` });
  return status === 0;
}

async function vitestTier(project) {
  if (stoppedBy) return;
  const report = `${results}/${project}.json`;
  rmSync(report, { force: true });
  console.log(`\n=== ${project} (vitest)`);
  const { status, seconds } = await run(KEYRING_SESSION[0], [
    ...KEYRING_SESSION.slice(1),
    'npx', 'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    tiers.push({ tier: project, passed: 0, failed: 1, skipped: 0, note: `runner exited ${status} without a report` });
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const failedSuites = (json.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  tiers.push({
    tier: project,
    passed: json.numPassedTests,
    failed: json.numFailedTests + failedSuites + (status !== 0 && json.numFailedTests + failedSuites === 0 ? 1 : 0),
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    note: `${seconds}s`,
  });
}

async function playwrightTier(tier, config) {
  if (stoppedBy) return;
  const report = `${results}/${tier}.json`;
  rmSync(report, { force: true });
  console.log(`\n=== ${tier} (playwright)`);
  const { status, seconds } = await run(KEYRING_SESSION[0], [...KEYRING_SESSION.slice(1), 'npx', 'playwright', 'test', '-c', config], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  if (!existsSync(report)) {
    tiers.push({ tier, passed: 0, failed: 1, skipped: 0, note: `runner exited ${status} without a report` });
    return;
  }
  const stats = JSON.parse(readFileSync(report, 'utf8')).stats ?? {};
  const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  tiers.push({
    tier,
    passed: stats.expected ?? 0,
    failed: failed + (status !== 0 && failed === 0 ? 1 : 0),
    skipped: stats.skipped ?? 0,
    note: `${seconds}s`,
  });
}

const only = process.argv.slice(2);
const wanted = (tier) => only.length === 0 || only.includes(tier);

const built = await check('build', 'node', ['build/scripts/build.mjs']);
if (wanted('static')) {
  await check('typecheck', 'npx', ['tsc', '-b']);
  await check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  await check('electronegativity', 'node', ['test/tooling/electronegativity.mjs']);
}
if (wanted('unit')) await vitestTier('unit');
if (wanted('integration')) await vitestTier('integration');
if (built && wanted('e2e') && existsSync('test/e2e/playwright.config.ts')) await playwrightTier('e2e', 'test/e2e/playwright.config.ts');
if (built && wanted('electron-e2e') && existsSync('test/electron-e2e/playwright.config.ts')) {
  await playwrightTier('electron-e2e', 'test/electron-e2e/playwright.config.ts');
}
if (stoppedBy) tiers.push({ tier: 'stopped', passed: 0, failed: 1, skipped: 0, note: `${stoppedBy}: the remaining tiers did not run` });

// Nothing the run started may outlive it: D-Bus, the keyring, moto, Chromium, stray workers.
const sweep = await sweepMarked(process.env[RUN_MARKER_ENV]);
if (sweep.leftovers.length > 0) tiers.push({ tier: 'cleanup', passed: 0, failed: 1, skipped: 0, note: `${sweep.leftovers.length} leftover processes` });
// After the sweep: nothing of the run is left to write there. A folder a test left unreadable
// (a permissions test, run as a user other than root) is named rather than failing the run.
try {
  rmSync(runTemp, { recursive: true, force: true });
} catch (error) {
  console.log(`cleanup: could not remove ${runTemp} (${error.code ?? error.message}); remove it by hand`);
}

const total = tiers.reduce(
  (sum, tier) => ({ passed: sum.passed + tier.passed, failed: sum.failed + tier.failed, skipped: sum.skipped + tier.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\nTier                passed  failed  skipped');
for (const tier of tiers) {
  console.log(`${tier.tier.padEnd(19)} ${String(tier.passed).padStart(6)}  ${String(tier.failed).padStart(6)}  ${String(tier.skipped).padStart(7)}  ${tier.note ?? ''}`);
}
console.log('');
for (const line of describeSweep(sweep)) console.log(line);
const figures = formatFigures(readFigures(process.env[FIGURES_ENV]));
if (figures.length > 0) console.log(['', ...figures].join('\n'));
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || tiers.length === 0 ? 1 : 0);
