// Runs Doyensec's Electronegativity over one directory and writes its findings as JSON.
// Started by electronegativity.mjs through `npm exec --package=@doyensec/electronegativity@<pin>`,
// which puts the tool's bin directory on PATH; the tool's own runner is loaded from there, so its
// findings come back as data (severity, confidence, file, line) rather than a table to scrape.
//
//   node electronegativity-scan.mjs <input dir> <output.json> <electron version> [excluded check ...]
import dns from 'node:dns';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The tool asks GitHub for translations at start and retries on a timer after its own timeout has
// settled the request, which throws an uncaught error on current Node. The suite reaches nothing
// off this machine anyway: every name but a loopback one fails at once, with a code it does not retry.
const lookup = dns.lookup;
dns.lookup = function offlineLookup(hostname, options, callback) {
  if (hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '::1') return lookup.call(dns, hostname, options, callback);
  const done = typeof options === 'function' ? options : callback;
  const error = Object.assign(new Error(`the test suite looks up no host names (${hostname})`), { code: 'EOFFLINE', hostname });
  process.nextTick(done, error);
  return undefined;
};

const [input, output, electronVersion, ...excluded] = process.argv.slice(2);
if (!input || !output || !electronVersion) {
  console.error('usage: electronegativity-scan.mjs <input dir> <output.json> <electron version> [excluded check ...]');
  process.exit(2);
}

const bin = (process.env.PATH ?? '')
  .split(path.delimiter)
  .map((dir) => path.join(dir, 'electronegativity'))
  .find((candidate) => existsSync(candidate));
if (!bin) {
  console.error('electronegativity is not on PATH: run this through `npm exec --package=@doyensec/electronegativity@<version>`');
  process.exit(2);
}
const require = createRequire(realpathSync(bin));
const runner = require('./runner.js');
// The build ends with `module.exports = exports.default`: the module is the function itself.
const run = typeof runner === 'function' ? runner : runner.default;

const result = await run(
  {
    input: path.resolve(input),
    customScan: [],
    excludeFromScan: excluded.map((name) => name.toLowerCase()),
    electronVersionOverride: electronVersion,
    parserPlugins: [],
    isRelative: true,
  },
  false,
);

// With isRelative the runner already names files relative to the input; older paths stay absolute.
const relative = (file) => (!file || file === 'N/A' ? 'N/A' : path.isAbsolute(file) ? path.relative(path.resolve(input), file) : file);
writeFileSync(
  output,
  JSON.stringify(
    {
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.map((error) => ({ file: relative(error.file), message: error.message, tolerable: error.tolerable })),
      findings: result.issues.map((issue) => ({
        check: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: relative(issue.file),
        line: issue.location.line,
        column: issue.location.column,
        description: issue.description,
        sample: issue.sample ?? null,
      })),
    },
    null,
    2,
  ),
);
