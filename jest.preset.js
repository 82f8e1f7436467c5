/** Shared Jest settings: SWC compiles TypeScript with decorator metadata (ts-jest cannot load Nest 12's ESM). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  transform: { '^.+\\.[tj]sx?$': ['@swc/jest', swc] },
  // Nest 12 and a few of its dependencies ship ESM only: compile them too. The OTLP exporters
  // load node:http with import(), which Jest's CommonJS runtime refuses: compiled, it is require().
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@opentelemetry/otlp-exporter-base)/)',
  ],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@ledgerlens/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@ledgerlens/redaction$': '<rootDir>/../../libs/redaction/src/index.ts',
    '^@ledgerlens/browser-logger$': '<rootDir>/../../libs/browser-logger/src/index.ts',
  },
};
