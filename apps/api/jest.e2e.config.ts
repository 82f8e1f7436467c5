/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
const preset = require('../../jest.preset.js');

/**
 * Integration and end-to-end tests against a real PostgreSQL: TEST_DATABASE_URL when set, else an
 * embedded server. Global setup migrates a template database once; each file clones its own.
 */
const config: Config = {
  ...preset,
  displayName: 'api-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

export default config;
