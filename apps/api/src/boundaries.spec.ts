import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/*
 * The API's layers and module boundaries are checked by lint (tools/eslint/api-boundaries.mjs,
 * ADR 0019): code that crosses one, linted as if saved at a path of the API, fails with the rule's
 * reason; code that keeps to them passes.
 */

interface Problem {
  ruleId: string | null;
  message: string;
}

const REPOSITORY = resolve(__dirname, '../../..');

/**
 * What the repository's ESLint configuration reports for each code, saved at the path named: one
 * ESLint run in a process of its own (Jest cannot load the configuration).
 */
function lint(snippets: { filePath: string; code: string }[]): Problem[][] {
  const output = execFileSync(
    process.execPath,
    [resolve(REPOSITORY, 'tools/eslint/lint-snippets.mjs')],
    { cwd: REPOSITORY, input: JSON.stringify(snippets), encoding: 'utf8' },
  );
  return (JSON.parse(output) as { messages: Problem[] }[]).map((result) => result.messages);
}

const importOf = (name: string, from: string) =>
  `import { ${name} } from '${from}';\nvoid ${name};\n`;

describe("the API's layers and module boundaries", () => {
  const crossings = [
    {
      rule: 'common imports no module',
      filePath: 'apps/api/src/common/x.ts',
      code: importOf('AuditModule', '../modules/audit/audit.module'),
    },
    {
      rule: 'database imports no module, not even through its entry point',
      filePath: 'apps/api/src/database/x.ts',
      code: importOf('UsersService', '../modules/users'),
    },
    {
      rule: 'config imports nothing above it',
      filePath: 'apps/api/src/config/x.ts',
      code: importOf('apiPath', '../common/http/api-prefix'),
    },
    {
      rule: "a module reaches another module's files only through its entry point",
      filePath: 'apps/api/src/modules/budgets/x.ts',
      code: importOf('CategoriesService', '../categories/categories.service'),
    },
    {
      rule: "an entry point re-exports another module's file",
      filePath: 'apps/api/src/modules/budgets/index.ts',
      code: "export { Category } from '../categories/category.entity';\n",
    },
    {
      rule: 'a module imports nothing of app/',
      filePath: 'apps/api/src/modules/budgets/x.ts',
      code: importOf('entities', '../../app/entities'),
    },
    {
      rule: "the app reaches a module's files only through its entry point",
      filePath: 'apps/api/src/app/x.ts',
      code: importOf('TokensService', '../modules/auth/tokens.service'),
    },
    {
      rule: 'a benchmark uses a module only through its entry point',
      filePath: 'bench/x.ts',
      code: importOf('AlertRulesStore', '../apps/api/src/modules/alerts/rules/alert-rules.store'),
    },
  ];
  const allowed = [
    {
      rule: 'a module uses another through its entry point',
      filePath: 'apps/api/src/modules/budgets/x.ts',
      code: importOf('CategoriesService', '../categories'),
    },
    {
      rule: 'a module uses the layers below it',
      filePath: 'apps/api/src/modules/budgets/x.ts',
      code: importOf('UserContext', '../../database/user-context'),
    },
    {
      rule: 'common uses config',
      filePath: 'apps/api/src/common/x.ts',
      code: importOf('AppConfig', '../config/app-config'),
    },
    {
      rule: "a test reaches into a module's files",
      filePath: 'apps/api/test/x.e2e-spec.ts',
      code: importOf('TokensService', '../src/modules/auth/tokens.service'),
    },
  ];
  const outsideEveryLayer = {
    filePath: 'apps/api/src/helpers/x.ts',
    code: 'export const x = 1;\n',
  };
  const problems = lint([...crossings, ...allowed, outsideEveryLayer]);

  it.each(crossings.map((crossing, index) => [crossing.rule, problems[index]] as const))(
    'refuses a crossing: %s',
    (_rule, found) => {
      expect(found).toEqual([
        {
          ruleId: 'boundaries/dependencies',
          message: expect.stringContaining('docs/adr/0019-boundaries-by-lint.md') as unknown,
        },
      ]);
    },
  );

  it.each(allowed.map((ok, index) => [ok.rule, problems[crossings.length + index]] as const))(
    'allows: %s',
    (_rule, found) => {
      expect(found).toEqual([]);
    },
  );

  it('refuses a file in no layer: a new folder gets its place in the layers first', () => {
    expect(problems[crossings.length + allowed.length]).toEqual([
      expect.objectContaining({ ruleId: 'boundaries/no-unknown-files' }),
    ]);
  });
});

describe("where the API's SQL lives (tools/eslint/api-data-access.mjs, ADR 0020)", () => {
  const typedRows = importOf('rowsOf', '../../database/typed-rows');
  const [rawQuery, helperOutsideStore, helperInStore] = lint([
    {
      filePath: 'apps/api/src/modules/budgets/x.service.ts',
      code: "import { DataSource } from 'typeorm';\nexport const x = (db: DataSource) => db.query('SELECT 1');\n",
    },
    { filePath: 'apps/api/src/modules/budgets/x.service.ts', code: typedRows },
    { filePath: 'apps/api/src/modules/budgets/x.store.ts', code: typedRows },
  ]);

  it('refuses a raw `.query()` in a module', () => {
    expect(rawQuery).toEqual([
      {
        ruleId: 'no-restricted-syntax',
        message: expect.stringContaining('docs/adr/0020-typed-rows-from-the-schema.md') as unknown,
      },
    ]);
  });

  it("refuses the typed-row helpers outside a module's stores", () => {
    expect(helperOutsideStore).toEqual([
      {
        ruleId: 'no-restricted-imports',
        message: expect.stringContaining('*.store.ts') as unknown,
      },
    ]);
  });

  it('allows them in a store', () => {
    expect(helperInStore).toEqual([]);
  });
});
