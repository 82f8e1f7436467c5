import boundaries from 'eslint-plugin-boundaries';
import { fileURLToPath } from 'node:url';

/*
 * The API's layers, checked by lint (docs/adr/0019-boundaries-by-lint.md):
 *
 *   main.ts ──> app ──> modules ──> database ──> common ──> config
 *
 * - Each layer imports only the layers to its right: config imports nothing of the API, common
 *   only config, database common and config (and the migrations it runs), and no layer below
 *   the modules imports a module or app/.
 * - A module uses another module only through that module's entry point, modules/<name>/index.ts;
 *   the app (the composition root) reaches the modules through the same entry points.
 * - Nothing imports app/ but main.ts.
 * - Tests (*.spec.ts next to the code, apps/api/test/**) may reach into any module's files, the
 *   app and the test support: that is what they test. The harness (apps/api/harness) starts the
 *   API as a user does and sees only the lower layers.
 * - Benchmarks (bench/) use the harness and the entry points of the modules and of the
 *   configuration only.
 */

const SRC = 'apps/api/src';

const elements = [
  { type: 'api-app', pattern: `${SRC}/app` },
  { type: 'api-module', pattern: `${SRC}/modules/*`, capture: ['module'] },
  { type: 'api-database', pattern: `${SRC}/database` },
  { type: 'api-common', pattern: `${SRC}/common` },
  { type: 'api-config', pattern: `${SRC}/config` },
  { type: 'api-migrations', pattern: 'migrations' },
  { type: 'api-harness', pattern: 'apps/api/harness' },
  { type: 'api-test', pattern: 'apps/api/test' },
  { type: 'bench', pattern: 'bench' },
].map((element) => ({ ...element, partialMatch: false }));

const files = [
  { category: 'start-up', pattern: `${SRC}/main.ts` },
  { category: 'test', pattern: [`${SRC}/**/*.spec.ts`, 'apps/api/test/**'] },
  { category: 'entry-point', pattern: [`${SRC}/modules/*/index.ts`, `${SRC}/config/index.ts`] },
];

const to = (type) => ({ element: { type } });
/** A module, or the configuration, through its entry point. */
const entryOf = (type) => ({ element: { type }, file: { categories: { anyOf: ['entry-point'] } } });
const LOWER_LAYERS = [to('api-database'), to('api-common'), to('api-config')];

const policies = [
  { from: { element: { type: 'api-common' } }, allow: { to: to('api-config') } },
  {
    from: { element: { type: 'api-database' } },
    allow: { to: [to('api-common'), to('api-config'), to('api-migrations')] },
  },
  {
    from: { element: { type: 'api-module' } },
    allow: { to: [...LOWER_LAYERS, entryOf('api-module')] },
  },
  {
    from: { element: { type: 'api-app' } },
    allow: { to: [...LOWER_LAYERS, entryOf('api-module')] },
  },
  {
    from: { file: { categories: { anyOf: ['start-up'] } } },
    allow: { to: [to('api-app'), ...LOWER_LAYERS] },
  },
  { from: { element: { type: 'api-harness' } }, allow: { to: LOWER_LAYERS } },
  {
    from: { element: { type: 'bench' } },
    allow: { to: [to('api-harness'), entryOf('api-module'), entryOf('api-config')] },
  },
  {
    from: { file: { categories: { anyOf: ['test'] } } },
    allow: {
      to: [
        to('api-app'),
        to('api-module'),
        ...LOWER_LAYERS,
        to('api-migrations'),
        to('api-harness'),
        to('api-test'),
      ],
    },
  },
];

export default [
  {
    files: ['apps/api/**/*.ts', 'bench/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': fileURLToPath(new URL('../..', import.meta.url)),
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message:
            'API layers: {{from.element.types.[0]}} may not import this {{to.element.types.[0]}} file. ' +
            'config ← common ← database ← modules ← app; a module uses another only through ' +
            'modules/<name>/index.ts, and only main.ts imports app/ (docs/adr/0019-boundaries-by-lint.md).',
          policies,
        },
      ],
    },
  },
  {
    // Every file of the API's source belongs to a layer before its imports are checked.
    files: [`${SRC}/**/*.ts`],
    rules: { 'boundaries/no-unknown-files': 'error' },
  },
];
