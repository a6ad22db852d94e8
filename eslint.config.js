import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import bridgeAccess from './build/eslint/bridge-access.js';
import electronImports from './build/eslint/electron-imports.js';
import importZones from './build/eslint/import-zones.js';

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', '.vite/', 'dist/', 'out/', 'test-results/', '.cache/', 'playwright-report/', '.tsbuild/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { roledeck: { rules: { 'import-zones': importZones, 'electron-imports': electronImports, 'bridge-access': bridgeAccess } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'roledeck/import-zones': 'error',
      'roledeck/electron-imports': 'error',
      'roledeck/bridge-access': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
