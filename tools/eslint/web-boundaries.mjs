import boundaries from 'eslint-plugin-boundaries';
import { fileURLToPath } from 'node:url';

/*
 * The SPA's layers, checked by lint (docs/adr/0019-boundaries-by-lint.md):
 *
 *   main.tsx ──> app ──> features ──> entities ──> ui ──> lib
 *
 * - lib, ui and entities are shared by every feature: they import no feature and not the app.
 *   lib is below ui. What lib needs from a feature is injected at start-up (lib/session-access.ts).
 * - A feature uses another only through that feature's entry point, features/<name>/index.ts
 *   (and may borrow its top-level stylesheet: class names are global).
 * - The app imports features through their entry points too; only its router loads page modules
 *   (features/<name>/<Name>Page.tsx) directly, lazily with import(), so each page is its own chunk.
 * - Nothing imports app/ but main.tsx and the test harness (src/test), which renders the whole app.
 * - Tests (*.spec.ts(x), __tests__/, a feature's testing/ or test/ folder) follow the rules of the
 *   code they sit in; they may also use the test harness, and other features' test factories.
 *
 * Policies are read in order and the last one that matches decides: the disallowing ones come
 * first for their messages, the allowing ones after. Whatever no policy allows is refused.
 */

const SRC = 'apps/web/src';
const ADR = 'docs/adr/0019-boundaries-by-lint.md';

const elements = [
  { type: 'web-test-harness', pattern: `${SRC}/test` },
  { type: 'web-app', pattern: `${SRC}/app` },
  { type: 'web-feature', pattern: `${SRC}/features/*`, capture: ['feature'] },
  { type: 'web-entities', pattern: `${SRC}/entities` },
  { type: 'web-ui', pattern: `${SRC}/ui` },
  { type: 'web-lib', pattern: `${SRC}/lib` },
].map((element) => ({ ...element, partialMatch: false }));

const TEST_FACTORIES = `${SRC}/features/*/{testing,test}/**`;

const files = [
  // The files at the top of src/: they start the app (main.tsx) or every test (test-setup.ts).
  { category: 'start-up', pattern: [`${SRC}/main.tsx`, `${SRC}/test-setup.ts`] },
  { category: 'ambient-types', pattern: `${SRC}/*.d.ts` },
  {
    category: 'test',
    pattern: [`${SRC}/**/*.spec.{ts,tsx}`, `${SRC}/**/__tests__/**`, TEST_FACTORIES],
  },
  { category: 'test-factories', pattern: TEST_FACTORIES },
  { category: 'entry-point', pattern: `${SRC}/features/*/index.ts` },
  { category: 'stylesheet', pattern: `${SRC}/features/*/*.css` },
  { category: 'page', pattern: `${SRC}/features/*/*Page.tsx` },
];

const element = (type) => ({ element: { type } });
const fileIn = (categories) => ({ file: { categories: { anyOf: categories } } });
const SHARED = ['web-lib', 'web-ui', 'web-entities'].map(element);
/** Another feature, through its entry point (or its stylesheet, for the look of its parts). */
const featureEntry = { ...element('web-feature'), ...fileIn(['entry-point', 'stylesheet']) };

const policies = [
  // Refused, with the reason (the more particular ones after the general ones).
  {
    disallow: { to: element('web-feature') },
    message:
      'A feature is used only through its entry point {{to.element.path}}/index.ts, not ' +
      `{{to.file.path}}: export what you need from there (${ADR}).`,
  },
  {
    disallow: { to: element('web-app') },
    message: `Only main.tsx imports app/, the composition root (here: {{to.file.path}}; ${ADR}).`,
  },
  {
    disallow: { to: [element('web-test-harness'), fileIn(['test-factories'])] },
    message: `Only tests use the test harness and test factories (here: {{to.file.path}}; ${ADR}).`,
  },
  {
    from: [element('web-lib'), element('web-ui'), element('web-entities')],
    disallow: { to: [element('web-feature'), element('web-app')] },
    message:
      'lib, ui and entities are shared by every feature, so they import no feature and not app/ ' +
      '(here: {{to.file.path}}). Let the app inject what they need, as lib/session-access.ts ' +
      `does (${ADR}).`,
  },
  {
    from: element('web-lib'),
    disallow: { to: element('web-ui') },
    message: `lib is below ui and does not import it (here: {{to.file.path}}; ${ADR}).`,
  },

  // Allowed.
  { from: element('web-ui'), allow: { to: element('web-lib') } },
  { from: element('web-entities'), allow: { to: [element('web-lib'), element('web-ui')] } },
  { from: element('web-feature'), allow: { to: [...SHARED, featureEntry] } },
  {
    from: element('web-app'),
    allow: [
      { to: [...SHARED, featureEntry] },
      // The router's lazy pages: each page module is loaded on first visit, in a chunk of its own.
      {
        to: { ...element('web-feature'), ...fileIn(['page']) },
        dependency: { nodeKind: 'dynamic-import' },
      },
    ],
  },
  {
    from: [fileIn(['start-up']), element('web-test-harness')],
    allow: { to: [element('web-app'), ...SHARED, featureEntry] },
  },
  { from: fileIn(['test']), allow: { to: element('web-test-harness') } },
  {
    from: { ...element('web-feature'), ...fileIn(['test']) },
    allow: { to: { ...element('web-feature'), ...fileIn(['test-factories']) } },
  },
];

export default [
  {
    files: [`${SRC}/**/*.ts`, `${SRC}/**/*.tsx`],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': fileURLToPath(new URL('../..', import.meta.url)),
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'import/resolver': {
        node: { extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.json'] },
      },
    },
    rules: {
      // A new folder under src/ is given a layer above before its imports can be checked.
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: `{{from.file.path}} may not import {{to.file.path}} (SPA layers, ${ADR}).`,
          policies,
        },
      ],
    },
  },
  {
    // The build treats entry points as free of side effects (apps/web/vite.config.ts), so that
    // importing one export does not bring in the whole feature: they only re-export.
    files: [`${SRC}/features/*/index.ts`],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program > :not(ExportNamedDeclaration[source], ExportAllDeclaration)',
          message: `A feature's entry point only re-exports (export { … } from './…'; ${ADR}).`,
        },
      ],
    },
  },
];
