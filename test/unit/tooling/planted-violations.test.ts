import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture's rules fail the build: files that break them are planted in a temporary copy
 * of the repository's real lint and TypeScript configuration, and `npm run lint` / `npm run
 * typecheck` must refuse each one. Nothing is planted in the working tree itself.
 */
const root = path.resolve(import.meta.dirname, '../../..');

/** Each planted file, and the lint rules that must refuse it (empty: it must lint clean). */
const lintPlants: Record<string, { code: string; refusedBy: string[] }> = {
  'shared/logic/planted-node.ts': {
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    refusedBy: ['roledeck/import-zones'],
  },
  'renderer/src/features/planted/bridge.ts': {
    code: "export const info = (): unknown => window.roledeck?.invoke('app.info', {});\n",
    refusedBy: ['roledeck/bridge-access'],
  },
  'electron/node/planted/electron-value.ts': {
    code: "import { app } from 'electron';\nexport const name = (): string => app.getName();\n",
    refusedBy: ['roledeck/electron-imports', 'roledeck/import-zones'],
  },
  'electron/web-host/planted-electron.ts': {
    code: "import { shell } from 'electron';\nexport const open = shell;\n",
    refusedBy: ['roledeck/electron-imports', 'roledeck/import-zones'],
  },
  'electron/preload/planted-shell.ts': {
    code: "import { contextBridge, shell } from 'electron';\nexport const parts = [contextBridge, shell];\n",
    refusedBy: ['roledeck/electron-imports'],
  },
  // The same things where the rules allow them: proof that the copy lints at all.
  'renderer/src/api/planted-bridge.ts': {
    code: "export const bridge = (): unknown => window.roledeck;\n",
    refusedBy: [],
  },
  'electron/main/planted-electron.ts': {
    code: "import { app } from 'electron';\nexport const name = (): string => app.getName();\n",
    refusedBy: [],
  },
  'electron/preload/planted-bridge.ts': {
    code: "import { contextBridge, ipcRenderer } from 'electron';\nexport const parts = [contextBridge, ipcRenderer];\n",
    refusedBy: [],
  },
};

let copy = '';

function plant(dir: string, files: Record<string, string>): void {
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), code);
  }
}

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'roledeck-planted-'));
  for (const file of ['eslint.config.js', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.shared.json', 'tsconfig.web.json', 'tsconfig.node.json']) {
    cpSync(path.join(root, file), path.join(copy, file));
  }
  // Copied, not linked: the rules find the repository root from their own location.
  cpSync(path.join(root, 'build/eslint'), path.join(copy, 'build/eslint'), { recursive: true });
  symlinkSync(realpathSync(path.join(root, 'node_modules')), path.join(copy, 'node_modules'), 'dir');
  plant(copy, Object.fromEntries(Object.entries(lintPlants).map(([file, plant]) => [file, plant.code])));
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('npm run lint refuses planted violations of the architecture', () => {
  it('reports each planted file with exactly the rules it breaks, and nothing where the rules allow it', async () => {
    const eslint = new ESLint({ cwd: copy });
    const results = await eslint.lintFiles(Object.keys(lintPlants));
    const found = Object.fromEntries(
      results.map((result) => [
        path.relative(copy, result.filePath),
        [...new Set(result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`))].sort(),
      ]),
    );
    const expected = Object.fromEntries(Object.entries(lintPlants).map(([file, plant]) => [file, [...plant.refusedBy].sort()]));
    expect(found).toEqual(expected);
  }, 120_000);
});

describe('npm run typecheck compiles shared/ without the DOM and Node', () => {
  /** Type errors per planted file, compiled with the real tsconfig.shared.json beside a copy of every real shared/ file. */
  function sharedErrors(files: Record<string, string>): Record<string, string[]> {
    plant(copy, files);
    const config = ts.getParsedCommandLineOfConfigFile(path.join(copy, 'tsconfig.shared.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!config) throw new Error('tsconfig.shared.json could not be read');
    // noEmit: the copy shares node_modules (and so the outDir of tsc -b) with the working tree.
    const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
    const errors: Record<string, string[]> = Object.fromEntries(Object.keys(files).map((file) => [file, []]));
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const file = diagnostic.file ? path.relative(copy, diagnostic.file.fileName) : '(no file)';
      (errors[file] ??= []).push(ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
    }
    return errors;
  }

  it('refuses a shared/ file that imports node:fs or reads document or window, and nothing else', () => {
    cpSync(path.join(root, 'shared'), path.join(copy, 'shared'), { recursive: true });
    const errors = sharedErrors({
      'shared/logic/planted-fs.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'shared/logic/planted-document.ts': 'export const title = (): string => document.title;\n',
      'shared/logic/planted-window.ts': 'export const width = (): number => window.innerWidth;\n',
      // What every runtime has: the language, zod and the web-platform globals shared/ declares.
      'shared/logic/planted-clean.ts':
        "import { z } from 'zod';\nexport const Host = z.string().transform((url) => new URL(url).host);\nexport const sorted = [3, 1].toSorted();\n",
    });
    expect(errors).toEqual({
      'shared/logic/planted-fs.ts': [expect.stringMatching(/^Cannot find (module|name) 'node:fs'/)],
      'shared/logic/planted-document.ts': [expect.stringMatching(/^Cannot find name 'document'/)],
      'shared/logic/planted-window.ts': [expect.stringMatching(/^Cannot find name 'window'/)],
      'shared/logic/planted-clean.ts': [],
      // The lint tier's planted shared/ file imports node:fs too.
      'shared/logic/planted-node.ts': [expect.stringMatching(/^Cannot find (module|name) 'node:fs'/)],
    });
  }, 60_000);

  it('is part of tsc -b, and the only project that compiles shared/ (the others use its declarations)', () => {
    const read = (name: string) => {
      const config = ts.getParsedCommandLineOfConfigFile(path.join(root, name), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
      if (!config) throw new Error(`${name} could not be read`);
      return config;
    };
    const references = (name: string) => (read(name).projectReferences ?? []).map((reference) => path.basename(reference.path));
    expect(references('tsconfig.json')).toContain('tsconfig.shared.json');
    for (const name of ['tsconfig.web.json', 'tsconfig.node.json']) {
      expect(references(name), name).toContain('tsconfig.shared.json');
      expect(read(name).fileNames.filter((file) => path.relative(root, file).startsWith(`shared${path.sep}`)), name).toEqual([]);
    }
    expect(read('tsconfig.shared.json').options.types).toEqual([]);
    expect(read('tsconfig.shared.json').options.lib?.some((lib) => /dom/i.test(lib))).toBe(false);
  });
});
