import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import importZones from '../../../build/eslint/import-zones.js';

const root = path.resolve(import.meta.dirname, '../../..');
const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { roledeck: { rules: { 'import-zones': importZones } } },
    rules: { 'roledeck/import-zones': 'error' as const },
  },
];

function problems(file: string, code: string): string[] {
  return linter.verify(code, config, path.join(root, file)).map((message) => message.message);
}

describe('import zones (DESIGN.md import rules)', () => {
  it('rejects a renderer file importing from electron/, electron or Node', () => {
    expect(problems('renderer/src/features/x.ts', "import { a } from '../../../electron/node/app/services';")).toEqual([
      expect.stringMatching(/renderer\/ may not import/),
    ]);
    expect(problems('renderer/src/x.ts', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(problems('renderer/src/x.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(problems('renderer/src/x.ts', "import { STSClient } from '@aws-sdk/client-sts';")).toHaveLength(1);
  });

  it('lets the renderer use shared/ and its own files', () => {
    expect(problems('renderer/src/x.ts', "import { channels } from '../../shared/contract';\nimport { A } from './a';")).toEqual([]);
  });

  it('keeps shared/ pure: no Node, no electron, nothing outside shared/ but zod', () => {
    expect(problems('shared/logic/x.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(problems('shared/logic/x.ts', "import { z } from 'zod';\nimport { y } from '../domain/y';")).toEqual([]);
    expect(problems('shared/logic/x.ts', "import { y } from '../../electron/node/y';")).toHaveLength(1);
  });

  it('lets shared/ read CloudFormation templates with the yaml package, and nothing else from npm', () => {
    expect(problems('shared/logic/x.ts', "import { parseDocument } from 'yaml';")).toEqual([]);
    expect(problems('shared/logic/x.ts', "import { load } from 'js-yaml';")).toEqual([expect.stringMatching(/only shared\/, zod and yaml/)]);
  });

  it('keeps electron/node and the CLI free of electron, and the preload on the contract only', () => {
    expect(problems('electron/node/x.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(problems('electron/cli/x.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(problems('electron/cli/x.ts', "import { y } from '../main/y';")).toHaveLength(1);
    expect(problems('electron/preload/x.ts', "import { channels } from '../../shared/contract';\nimport { ipcRenderer } from 'electron';")).toEqual([]);
    expect(problems('electron/preload/x.ts', "import { y } from '../../shared/logic/redact';")).toHaveLength(1);
  });

  it('keeps the web host (the browser preview) on shared/, electron/node and Node, without electron or test/', () => {
    expect(
      problems('electron/web-host/x.ts', "import { createRouter } from '../node/app/services';\nimport { channels } from '../../shared/contract';\nimport { WebSocketServer } from 'ws';"),
    ).toEqual([]);
    expect(problems('electron/web-host/x.ts', "import type { App } from 'electron';")).toEqual([expect.stringMatching(/never electron/)]);
    expect(problems('electron/web-host/x.ts', "import { y } from '../main/y';")).toHaveLength(1);
    expect(problems('electron/web-host/x.ts', "import { MemoryClipboard } from '../../test/fakes/memory.clipboard';")).toEqual([
      expect.stringMatching(/never imports test/),
    ]);
  });

  it('rejects imports that leave the repository (the handbook beside it) and product imports of test/', () => {
    expect(problems('shared/x.ts', "import { y } from '../../shared/DESIGN';")).toEqual([expect.stringMatching(/leaves the repository/)]);
    expect(problems('electron/node/x.ts', "import { y } from '../../test/fakes/y';")).toEqual([expect.stringMatching(/never imports test/)]);
  });
});
