/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
const preset = require('../../jest.preset.js');

/**
 * Unit, property and integration tests of the browser logger. Node, not jsdom: clock, timers,
 * fetch, storage and beacon are injected; the global-handler spec opts into jsdom itself.
 */
const config: Config = {
  ...preset,
  displayName: 'browser-logger',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

export default config;
