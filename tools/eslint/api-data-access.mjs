/*
 * Where the API's SQL may live (docs/adr/0020-typed-rows-from-the-schema.md):
 *
 * - No `.query(` in the modules: TypeORM's `query` answers `any`, so a renamed column compiles
 *   and fails at run time. Statements go through `rowsOf` / `oneRowOf` / `execute`
 *   (database/typed-rows.ts) with a row type built from the generated table types.
 * - Those helpers only in a module's stores (`*.store.ts`): its SQL in its data-access files.
 */

const ADR = 'docs/adr/0020-typed-rows-from-the-schema.md';
const MODULES = 'apps/api/src/modules';
const SPECS = [`${MODULES}/**/*.spec.ts`];

export default [
  {
    files: [`${MODULES}/**/*.ts`],
    ignores: SPECS,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='query']",
          message: `Raw \`.query()\` answers \`any\`: run SQL with rowsOf/oneRowOf/execute from database/typed-rows in the module's *.store.ts, with a row type from the generated table types (${ADR}).`,
        },
      ],
    },
  },
  {
    files: [`${MODULES}/**/*.ts`],
    ignores: [...SPECS, `${MODULES}/**/*.store.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/database/typed-rows'],
              message: `A module's SQL lives in its stores: move this statement into a *.store.ts and call the store (${ADR}).`,
            },
          ],
        },
      ],
    },
  },
];
