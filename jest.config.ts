/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

/** Every test of the repository: `npx jest` (or `npm test`, which lints and builds first). */
const config: Config = {
  projects: [
    '<rootDir>/apps/api/jest.config.ts',
    '<rootDir>/apps/api/jest.e2e.config.ts',
    '<rootDir>/apps/web/jest.config.ts',
    '<rootDir>/libs/redaction/jest.config.ts',
  ],
};

export default config;
