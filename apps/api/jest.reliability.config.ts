/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
const preset = require('../../jest.preset.js');

/**
 * The reliability suite (`npm run test:reliability`): contract, fuzz, fault, security and trace
 * context conformance tests against a real PostgreSQL, some of them on the built API. Same
 * database setup as the e2e tests: one migrated template, a clone per file.
 */
const config: Config = {
  ...preset,
  displayName: 'api-reliability',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/reliability/**/*.reliability-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

export default config;
