// Runs every tier, reads each runner's JSON report and prints one closing line for the whole run.
// Vitest's and Playwright's own summaries are not what CI reads: this line is.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });

/** @type {Array<{tier: string, passed: number, failed: number, skipped: number, note?: string}>} */
const tiers = [];

function run(command, args, extraEnv = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return { status: result.status ?? 1, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

/** A build or static check counts as one test: it passes or it fails. */
function check(tier, command, args) {
  console.log(`\n=== ${tier}: ${[command, ...args].join(' ')}`);
  const { status, seconds } = run(command, args);
  tiers.push({ tier, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1, skipped: 0, note: `${seconds}s` });
  return status === 0;
}

function vitestTier(project) {
  const report = `${results}/${project}.json`;
  rmSync(report, { force: true });
  console.log(`\n=== ${project} (vitest)`);
  const { status, seconds } = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
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

function playwrightTier(tier, config) {
  const report = `${results}/${tier}.json`;
  rmSync(report, { force: true });
  console.log(`\n=== ${tier} (playwright)`);
  const { status, seconds } = run('npx', ['playwright', 'test', '-c', config], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
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

const built = check('build', 'node', ['build/scripts/build.mjs']);
if (wanted('static')) {
  check('typecheck', 'npx', ['tsc', '-b']);
  check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
}
if (wanted('unit')) vitestTier('unit');
if (wanted('integration')) vitestTier('integration');
if (built && wanted('e2e') && existsSync('test/e2e/playwright.config.ts')) playwrightTier('e2e', 'test/e2e/playwright.config.ts');
if (built && wanted('electron-e2e') && existsSync('test/electron-e2e/playwright.config.ts')) {
  playwrightTier('electron-e2e', 'test/electron-e2e/playwright.config.ts');
}

const total = tiers.reduce(
  (sum, tier) => ({ passed: sum.passed + tier.passed, failed: sum.failed + tier.failed, skipped: sum.skipped + tier.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\nTier            passed  failed  skipped');
for (const tier of tiers) {
  console.log(`${tier.tier.padEnd(15)} ${String(tier.passed).padStart(6)}  ${String(tier.failed).padStart(6)}  ${String(tier.skipped).padStart(7)}  ${tier.note ?? ''}`);
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || tiers.length === 0 ? 1 : 0);
