/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

/** Every test of the repository: `npx jest` (or `npm test`, which lints and builds first). */
const config: Config = {
  projects: [
    '<rootDir>/apps/api/jest.config.ts',
    '<rootDir>/apps/api/jest.e2e.config.ts',
    '<rootDir>/apps/api/jest.reliability.config.ts',
    '<rootDir>/apps/web/jest.config.ts',
    '<rootDir>/apps/web-e2e/jest.config.ts',
    '<rootDir>/libs/browser-logger/jest.config.ts',
    '<rootDir>/libs/redaction/jest.config.ts',
  ],
  // A global option: project configs cannot set it. The e2e suites boot the app on a real
  // database, and a loaded CI machine can take a while; 60 s stops a hang, not a slow test.
  testTimeout: 60_000,
};

export default config;
