// ESLint rule: `window.roledeck` (the preload's bridge) is touched only by renderer/src/api, which
// turns it into the typed api; everything else calls that api. Tests are exempt: they exercise the
// bridge itself (the preload's shape, the web host's page side).
import path from 'node:path';
import { inside } from './repo-paths.js';

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);
const BRIDGE = 'roledeck';
const WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'ChainExpression']);

const unwrap = (node) => {
  let current = node;
  while (current && WRAPPERS.has(current.type)) current = current.expression;
  return current;
};

const namesBridge = (key, computed) =>
  computed ? key.type === 'Literal' && key.value === BRIDGE : key.type === 'Identifier' && key.name === BRIDGE;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Allow window.roledeck only in renderer/src/api' },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.filename);
    if (inside(file, 'renderer/src/api') || inside(file, 'test')) return {};
    const sourceCode = context.sourceCode;

    /** `window`, `globalThis` or `self` as the global object, not a local variable of that name. */
    const isGlobalObject = (candidate) => {
      const node = unwrap(candidate);
      if (node?.type !== 'Identifier' || !GLOBAL_OBJECTS.has(node.name)) return false;
      for (let scope = sourceCode.getScope(node); scope; scope = scope.upper) {
        const variable = scope.set.get(node.name);
        if (variable) return variable.defs.length === 0;
      }
      return true;
    };
    const refuse = (node) =>
      context.report({ node, message: 'window.roledeck is the bridge: only renderer/src/api touches it; call getApi() instead' });

    return {
      MemberExpression(node) {
        if (isGlobalObject(node.object) && namesBridge(node.property, node.computed)) refuse(node);
      },
      VariableDeclarator(node) {
        if (node.id.type !== 'ObjectPattern' || !node.init || !isGlobalObject(node.init)) return;
        for (const property of node.id.properties) {
          if (property.type === 'Property' && namesBridge(property.key, property.computed)) refuse(property);
        }
      },
      BinaryExpression(node) {
        if (node.operator === 'in' && node.left.type === 'Literal' && node.left.value === BRIDGE && isGlobalObject(node.right)) refuse(node);
      },
    };
  },
};
