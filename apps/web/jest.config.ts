/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
const preset = require('../../jest.preset.js');

/** Component tests in jsdom with React Testing Library. */
const config: Config = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/jsdom-with-fetch.environment.js',
  testMatch: ['<rootDir>/src/**/*.spec.tsx', '<rootDir>/src/**/*.spec.ts'],
  // Vite bundles the stylesheets; components import them for their side effect only.
  moduleNameMapper: { ...preset.moduleNameMapper, '\\.css$': '<rootDir>/src/test/no-styles.ts' },
  globals: { __APP_RELEASE__: 'test-release' },
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
};

export default config;
