import tseslint from 'typescript-eslint';

/** The projects whose code is linted with type information, by their tsconfig files. */
const PROJECTS = [
  'apps/web/tsconfig.app.json',
  'apps/web/tsconfig.spec.json',
  'apps/web-e2e/tsconfig.json',
  'libs/browser-logger/tsconfig.lib.json',
  'libs/browser-logger/tsconfig.spec.json',
  'libs/contracts/tsconfig.lib.json',
  'libs/redaction/tsconfig.lib.json',
  'libs/redaction/tsconfig.spec.json',
];

/**
 * Type-aware rules for the SPA, the libraries and the browser journeys (the API follows once its
 * raw queries return typed rows): promises neither awaited nor handled, promises where a
 * callback's result is ignored, awaits of what is no promise, and `any` flowing into typed code.
 */
export default [
  {
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/web-e2e/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['libs/contracts/src/generated/**'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        project: PROJECTS,
        tsconfigRootDir: new URL('../..', import.meta.url).pathname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
    },
  },
];
