/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';
const preset = require('../../jest.preset.js');

/**
 * Browser journeys: the built API (dist/apps/api) serving the built SPA (dist/apps/web) on its
 * own database, driven by the system Chromium through playwright-core. `npm test` builds both
 * first; alone, run `npx nx e2e web-e2e`.
 */
const config: Config = {
  ...preset,
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  // Hooks too: closing the browser runs axe-core on every page a journey showed and left unchecked.
  testTimeout: 120_000,
};

export default config;
