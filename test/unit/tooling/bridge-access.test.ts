import path from 'node:path';
import { Linter } from 'eslint';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import bridgeAccess from '../../../build/eslint/bridge-access.js';

const root = path.resolve(import.meta.dirname, '../../..');
const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, globals: { ...globals.browser } },
    plugins: { roledeck: { rules: { 'bridge-access': bridgeAccess } } },
    rules: { 'roledeck/bridge-access': 'error' as const },
  },
];

function problems(file: string, code: string): string[] {
  return linter.verify(code, config, path.join(root, file)).map((message) => message.message);
}

describe('window.roledeck only in renderer/src/api', () => {
  it('lets renderer/src/api build the typed api from the bridge', () => {
    expect(problems('renderer/src/api/index.ts', 'export const api = window.roledeck ? createApi(window.roledeck) : null;')).toEqual([]);
  });

  it('refuses the bridge in a feature, however it is reached', () => {
    const refused = [
      "window.roledeck.invoke('app.info', {});",
      "(window as unknown as { roledeck: unknown }).roledeck;",
      'window!.roledeck;',
      "globalThis['roledeck'];",
      'self.roledeck?.on;',
      'const { roledeck } = window;',
      "if ('roledeck' in window) {}",
    ];
    for (const code of refused) {
      expect(problems('renderer/src/features/sessions/x.ts', code), code).toEqual([expect.stringMatching(/only renderer\/src\/api touches it/)]);
    }
  });

  it('refuses it in product code outside the renderer too', () => {
    expect(problems('electron/web-host/x.ts', 'export const bridge = window.roledeck;')).toHaveLength(1);
    expect(problems('shared/logic/x.ts', 'export const bridge = globalThis.roledeck;')).toHaveLength(1);
  });

  it('leaves other properties, local variables named window, and tests alone', () => {
    expect(problems('renderer/src/app/x.ts', 'window.location.hash;')).toEqual([]);
    expect(problems('renderer/src/app/x.ts', 'const window = { roledeck: 1 };\nexport const one = window.roledeck;')).toEqual([]);
    expect(problems('test/e2e/specs/x.spec.ts', '(window as unknown as { roledeck: object }).roledeck;')).toEqual([]);
  });
});
