import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import apiBoundaries from './tools/eslint/api-boundaries.mjs';
import apiDataAccess from './tools/eslint/api-data-access.mjs';
import typeChecked from './tools/eslint/type-checked.mjs';
import webBoundaries from './tools/eslint/web-boundaries.mjs';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/.data',
      '**/coverage',
      'libs/contracts/src/generated/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tool configuration files share the root Jest preset by path; benchmarks and browser
    // journeys drive the apps' own code (database helpers, build output) by path.
    files: [
      '**/jest.config.ts',
      '**/jest.e2e.config.ts',
      '**/jest.reliability.config.ts',
      'bench/**/*.ts',
      'apps/web-e2e/**/*.ts',
    ],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  ...apiBoundaries,
  ...apiDataAccess,
  ...webBoundaries,
  ...typeChecked,
  prettier,
];
