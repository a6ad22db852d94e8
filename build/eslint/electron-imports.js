// ESLint rule: values from 'electron' only in electron/main (the composition root hands them to
// everything else), and in the preload only contextBridge and ipcRenderer (DESIGN.md). Type-only
// imports are fine anywhere the import zones allow electron at all: they vanish at build time, so
// the modules stay testable under plain Node with fakes.
import path from 'node:path';
import { inside } from './repo-paths.js';

const PRELOAD_VALUES = new Set(['contextBridge', 'ipcRenderer']);
const isElectron = (spec) => typeof spec === 'string' && (spec === 'electron' || spec.startsWith('electron/'));
const nameOf = (node) => (node.type === 'Identifier' ? node.name : String(node.value));

export default {
  meta: {
    type: 'problem',
    docs: { description: "Allow values from 'electron' only in electron/main (and contextBridge/ipcRenderer in electron/preload)" },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.filename);
    if (inside(file, 'electron/main')) return {};
    const preload = inside(file, 'electron/preload');
    const refuse = (node, what) =>
      context.report({
        node,
        message: preload
          ? `${what}: electron/preload/ takes only contextBridge and ipcRenderer from electron`
          : `${what}: values from electron belong in electron/main/, which hands them in; elsewhere write \`import type\``,
      });

    return {
      ImportDeclaration(node) {
        if (!isElectron(node.source.value) || node.importKind === 'type') return;
        if (node.specifiers.length === 0) return refuse(node, `'import "${node.source.value}"' loads electron`);
        const values = node.specifiers.filter((specifier) => !(specifier.type === 'ImportSpecifier' && specifier.importKind === 'type'));
        if (values.length === 0) {
          // verbatimModuleSyntax keeps `import { type X } from 'electron'` as `import {} from 'electron'`.
          return refuse(node, "'import { type … }' still loads electron at runtime (write 'import type { … }')");
        }
        for (const specifier of values) {
          const name = specifier.type === 'ImportSpecifier' ? nameOf(specifier.imported) : null;
          if (preload && name !== null && PRELOAD_VALUES.has(name)) continue;
          refuse(specifier, `'${name ?? specifier.local.name}' is a value from electron`);
        }
      },
      ExportNamedDeclaration(node) {
        if (node.source && isElectron(node.source.value) && node.exportKind !== 'type') {
          const values = node.specifiers.filter((specifier) => specifier.exportKind !== 'type');
          if (values.length > 0) refuse(node, 'a re-export of values from electron');
        }
      },
      ExportAllDeclaration(node) {
        if (isElectron(node.source.value) && node.exportKind !== 'type') refuse(node, 'a re-export of everything in electron');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal' && isElectron(node.source.value)) refuse(node, "import('electron')");
      },
      CallExpression(node) {
        const [argument] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && argument?.type === 'Literal' && isElectron(argument.value)) {
          refuse(node, "require('electron')");
        }
      },
      TSImportEqualsDeclaration(node) {
        const reference = node.moduleReference;
        if (node.importKind !== 'type' && reference.type === 'TSExternalModuleReference' && isElectron(reference.expression.value)) {
          refuse(node, "import … = require('electron')");
        }
      },
    };
  },
};
