import tseslint from 'typescript-eslint';

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Promises neither awaited nor handled, promises where a callback's result is ignored, awaits of
 * what is no promise.
 */
const PROMISE_RULES = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
};

/** `any` flowing into typed code: assigned, passed, called, read from or returned. */
const UNSAFE_ANY_RULES = {
  '@typescript-eslint/no-unsafe-argument': 'error',
  '@typescript-eslint/no-unsafe-assignment': 'error',
  '@typescript-eslint/no-unsafe-call': 'error',
  '@typescript-eslint/no-unsafe-member-access': 'error',
  '@typescript-eslint/no-unsafe-return': 'error',
};

/** Lints `files` with the types of the TypeScript `projects` (tsconfig files) they belong to. */
const typed = (files, projects, rules, ignores = []) => ({
  files,
  ignores,
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { project: projects, tsconfigRootDir: ROOT },
  },
  plugins: { '@typescript-eslint': tseslint.plugin },
  rules,
});

const WEB_AND_LIBS = [
  'apps/web/tsconfig.app.json',
  'apps/web/tsconfig.spec.json',
  'apps/web-e2e/tsconfig.json',
  'libs/browser-logger/tsconfig.lib.json',
  'libs/browser-logger/tsconfig.spec.json',
  'libs/contracts/tsconfig.lib.json',
  'libs/redaction/tsconfig.lib.json',
  'libs/redaction/tsconfig.spec.json',
];

/** The API's code, unit specs, tests, harness and migrations; the benchmarks that drive it. */
const API = ['apps/api/tsconfig.spec.json', 'bench/tsconfig.json'];

/** The API's HTTP tests, whose response bodies supertest types as `any`. */
const API_HTTP_TESTS = ['apps/api/test/**/*.e2e-spec.ts', 'apps/api/test/**/*.reliability-spec.ts'];

/**
 * Type-aware rules (docs/adr/0020-typed-rows-from-the-schema.md) with zero findings everywhere.
 * The API's HTTP tests are held to the promise rules only: they read supertest's `any` bodies,
 * which the contract check (test/support/contract-checked-http.ts) validates against the OpenAPI
 * document at run time — a cast at each of their ~700 reads would add words, not checks.
 */
export default [
  typed(
    ['apps/web/src/**/*.{ts,tsx}', 'apps/web-e2e/src/**/*.ts', 'libs/*/src/**/*.ts'],
    WEB_AND_LIBS,
    { ...PROMISE_RULES, ...UNSAFE_ANY_RULES },
    ['libs/contracts/src/generated/**'],
  ),
  typed(
    [
      'apps/api/src/**/*.ts',
      'apps/api/test/**/*.ts',
      'apps/api/harness/**/*.ts',
      'migrations/**/*.ts',
      'bench/**/*.ts',
    ],
    API,
    { ...PROMISE_RULES, ...UNSAFE_ANY_RULES },
    API_HTTP_TESTS,
  ),
  typed(API_HTTP_TESTS, API, PROMISE_RULES),
];
