// A stand-in for fpm, used only by packaging.test.ts. electron-builder builds .deb files with
// fpm, which it downloads from GitHub on first use; that download cannot happen on the test
// machines. electron-builder's documented override (CUSTOM_FPM_PATH) points it here instead.
//
// It understands exactly the `-s dir -t deb` invocation electron-builder makes, stages each
// `source=destination` mapping, writes DEBIAN/control and the maintainer scripts from the options,
// and builds a real .deb with dpkg-deb. An option it does not know fails the run, so a change in
// electron-builder's arguments shows up as a test failure rather than a silently different package.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VALUE_OPTIONS = new Set([
  '-s', '-t', '-d', '--deb-recommends', '--deb-compression', '--architecture', '--after-install',
  '--after-remove', '--description', '--version', '--package', '--name', '--maintainer', '--vendor',
  '--url', '--deb-priority', '--license',
]);

const args = process.argv.slice(2);
const options = new Map();
const depends = [];
const mappings = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--force') continue;
  if (VALUE_OPTIONS.has(arg)) {
    const value = args[++i];
    if (arg === '-d') depends.push(value);
    else options.set(arg, value);
    continue;
  }
  if (arg.startsWith('-')) {
    console.error(`fpm stand-in: unsupported option ${arg}`);
    process.exit(2);
  }
  const split = arg.lastIndexOf('=');
  if (split <= 0) {
    console.error(`fpm stand-in: expected source=destination, got ${arg}`);
    process.exit(2);
  }
  mappings.push([arg.slice(0, split), arg.slice(split + 1)]);
}
if (options.get('-s') !== 'dir' || options.get('-t') !== 'deb') {
  console.error('fpm stand-in: only `-s dir -t deb` is supported');
  process.exit(2);
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fpm-standin-'));
fs.chmodSync(root, 0o755);
for (const [source, destination] of mappings) {
  const target = path.join(root, destination);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
}

const [summary = '', ...details] = (options.get('--description') ?? '').split('\n');
const control = [
  `Package: ${options.get('--name')}`,
  `Version: ${options.get('--version')}`,
  `Architecture: ${options.get('--architecture')}`,
  `Maintainer: ${options.get('--maintainer')}`,
  `Priority: ${options.get('--deb-priority') ?? 'optional'}`,
  ...(depends.length > 0 ? [`Depends: ${depends.join(', ')}`] : []),
  ...(options.has('--deb-recommends') ? [`Recommends: ${options.get('--deb-recommends')}`] : []),
  ...(options.has('--url') ? [`Homepage: ${options.get('--url')}`] : []),
  `Description: ${summary}`,
  ...details.map((line) => (line.trim() ? ` ${line.trim()}` : ' .')),
];
fs.mkdirSync(path.join(root, 'DEBIAN'), { mode: 0o755 });
fs.writeFileSync(path.join(root, 'DEBIAN', 'control'), `${control.join('\n')}\n`);
for (const [option, script] of [['--after-install', 'postinst'], ['--after-remove', 'postrm']]) {
  if (!options.has(option)) continue;
  fs.copyFileSync(options.get(option), path.join(root, 'DEBIAN', script));
  fs.chmodSync(path.join(root, 'DEBIAN', script), 0o755);
}

const output = options.get('--package');
fs.rmSync(output, { force: true });
execFileSync('dpkg-deb', ['--root-owner-group', `-Z${options.get('--deb-compression') ?? 'xz'}`, '--build', root, output], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
fs.rmSync(root, { recursive: true, force: true });
