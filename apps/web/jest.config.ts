/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
const preset = require('../../jest.preset.js');

/** Component tests in jsdom with React Testing Library. */
const config: Config = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.tsx', '<rootDir>/src/**/*.spec.ts'],
  setupFiles: ['<rootDir>/src/test-polyfills.ts'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
};

export default config;
