import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * If an npm script runs it, it is product or build code: only `test` and `bench` may run code under
 * test/. Everything else npm runs lives in build/ (scripts, lint rules) or in the product.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const TEST_SCRIPTS = new Set(['test', 'bench']);
/** A path under test/, as a script or an import would name it. */
const UNDER_TEST = /(^|[\s'"`=(])(\.\/)?test\//;

describe('npm scripts and what they load', () => {
  it('has no script but test and bench that names a file under test/', () => {
    const offending = Object.entries(manifest.scripts).filter(([name, command]) => !TEST_SCRIPTS.has(name) && UNDER_TEST.test(command));
    expect(offending).toEqual([]);
  });

  it('keeps the build scripts npm runs and the lint configuration off test/', () => {
    const files = [...readdirSync(path.join(root, 'build/scripts')).map((file) => `build/scripts/${file}`), 'eslint.config.js'];
    const offending = files.filter((file) => UNDER_TEST.test(readFileSync(path.join(root, file), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('still runs the suite and the benches from test/', () => {
    expect(manifest.scripts.test).toMatch(UNDER_TEST);
    expect(manifest.scripts.bench).toMatch(UNDER_TEST);
  });
});
