// ESLint rule enforcing DESIGN.md's import table by resolved path, not by string pattern, so
// `../../electron/x` and `../../../shared` (the handbook outside the repo) are both caught.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { inside } from './repo-paths.js';

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const isBuiltin = (spec) => spec.startsWith('node:') || builtins.has(spec);
const isPackage = (spec, name) => spec === name || spec.startsWith(`${name}/`);

/** Each zone: the folders it may import from, and a test for bare (package) imports. */
const zones = [
  {
    dir: 'shared',
    may: ['shared'],
    // yaml: CloudFormation templates with short-form tags (DESIGN.md, dependencies).
    bare: (spec) => (isPackage(spec, 'zod') || isPackage(spec, 'yaml') ? null : 'shared/ may import only shared/, zod and yaml'),
  },
  {
    dir: 'electron/node',
    may: ['shared', 'electron/node'],
    bare: (spec) =>
      isPackage(spec, 'electron') ? 'electron/node/ never imports electron (the CLI reuses it)'
      : isPackage(spec, 'react') ? 'electron/node/ has no UI' : null,
  },
  {
    dir: 'electron/main',
    may: ['shared', 'electron/node', 'electron/main'],
    bare: (spec) => (isPackage(spec, 'react') ? 'electron/main/ has no UI' : null),
  },
  {
    dir: 'electron/web-host',
    may: ['shared', 'electron/node', 'electron/web-host'],
    bare: (spec) =>
      isPackage(spec, 'electron') ? 'electron/web-host/ is the host without Electron: never electron'
      : isPackage(spec, 'react') ? 'electron/web-host/ serves the built renderer; it has no UI of its own' : null,
  },
  {
    dir: 'electron/preload',
    may: ['shared/contract', 'electron/preload'],
    bare: (spec) => (isPackage(spec, 'electron') ? null : 'electron/preload/ may import only shared/contract and electron'),
  },
  {
    dir: 'electron/cli',
    may: ['shared', 'electron/node', 'electron/cli'],
    bare: (spec) => (isPackage(spec, 'electron') ? 'the CLI never imports electron' : null),
  },
  {
    dir: 'renderer',
    may: ['renderer', 'shared'],
    bare: (spec) =>
      isBuiltin(spec) ? 'renderer/ never imports Node APIs'
      : isPackage(spec, 'electron') ? 'renderer/ talks to main only through renderer/src/api'
      : spec.startsWith('@aws-sdk/') || spec.startsWith('@smithy/') ? 'renderer/ never imports the AWS SDK'
      : spec.startsWith('@napi-rs/') ? 'renderer/ never touches the keychain' : null,
  },
];

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import rules between shared/, electron/*, renderer/ and test/' },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.filename);
    const zone = zones.find((candidate) => inside(file, candidate.dir));
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || path.isAbsolute(spec)) {
        const target = path.resolve(path.dirname(file), spec);
        if (!inside(target, '.')) {
          context.report({ node, message: `'${spec}' leaves the repository (../shared is the handbook, never imported)` });
          return;
        }
        if (zone && inside(target, 'test')) {
          context.report({ node, message: `production code never imports test/ ('${spec}')` });
          return;
        }
        if (zone && !zone.may.some((dir) => inside(target, dir))) {
          context.report({ node, message: `${zone.dir}/ may not import '${spec}' (allowed: ${zone.may.join(', ')})` });
        }
        return;
      }
      const problem = zone?.bare(spec);
      if (problem) context.report({ node, message: `'${spec}': ${problem}` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
