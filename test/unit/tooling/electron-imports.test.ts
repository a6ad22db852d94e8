import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import electronImports from '../../../build/eslint/electron-imports.js';

const root = path.resolve(import.meta.dirname, '../../..');
const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { roledeck: { rules: { 'electron-imports': electronImports } } },
    rules: { 'roledeck/electron-imports': 'error' as const },
  },
];

function problems(file: string, code: string): string[] {
  return linter.verify(code, config, path.join(root, file)).map((message) => message.message);
}

describe("values from 'electron' only in electron/main", () => {
  it('lets electron/main import values and types from electron', () => {
    expect(problems('electron/main/main.ts', "import { app, BrowserWindow, type NativeImage } from 'electron';")).toEqual([]);
    expect(problems('electron/main/tray/x.ts', "import { Menu } from 'electron';")).toEqual([]);
  });

  it('refuses a value import of electron anywhere else, naming the value', () => {
    expect(problems('electron/node/x.ts', "import { app } from 'electron';")).toEqual([expect.stringMatching(/'app' is a value from electron.*electron\/main/)]);
    expect(problems('electron/web-host/x.ts', "import electron from 'electron';")).toHaveLength(1);
    expect(problems('electron/cli/x.ts', "import * as electron from 'electron';")).toHaveLength(1);
    expect(problems('renderer/src/x.ts', "import { ipcRenderer } from 'electron/renderer';")).toHaveLength(1);
    expect(problems('shared/logic/x.ts', "import 'electron';")).toHaveLength(1);
  });

  it('refuses the other ways of loading electron at runtime', () => {
    expect(problems('electron/node/x.ts', "export const load = () => import('electron');")).toHaveLength(1);
    expect(problems('electron/node/x.ts', "const electron = require('electron');\nexport { electron };")).toHaveLength(1);
    expect(problems('electron/node/x.ts', "export { app } from 'electron';")).toHaveLength(1);
    expect(problems('electron/node/x.ts', "export * from 'electron';")).toHaveLength(1);
    expect(problems('electron/node/x.ts', "import electron = require('electron');\nexport { electron };")).toHaveLength(1);
  });

  it('accepts type-only imports outside electron/main, but not inline type specifiers, which still load the module', () => {
    expect(problems('electron/node/x.ts', "import type { App } from 'electron';")).toEqual([]);
    expect(problems('test/unit/x.test.ts', "import type { MenuItemConstructorOptions } from 'electron';")).toEqual([]);
    expect(problems('electron/node/x.ts', "export type { App } from 'electron';")).toEqual([]);
    expect(problems('electron/node/x.ts', "import { type App } from 'electron';")).toEqual([expect.stringMatching(/still loads electron.*import type/)]);
  });

  it('lets the preload take contextBridge and ipcRenderer and nothing else', () => {
    expect(problems('electron/preload/preload.ts', "import { contextBridge, ipcRenderer } from 'electron';")).toEqual([]);
    expect(problems('electron/preload/x.ts', "import { contextBridge, shell } from 'electron';")).toEqual([
      expect.stringMatching(/'shell'.*only contextBridge and ipcRenderer/),
    ]);
    expect(problems('electron/preload/x.ts', "import electron from 'electron';")).toHaveLength(1);
  });

  it('ignores packages that only start with the same letters', () => {
    expect(problems('electron/node/x.ts', "import { x } from 'electron-store';")).toEqual([]);
  });
});
