import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/*
 * The SPA's layers are checked by lint (tools/eslint/web-boundaries.mjs, ADR 0019): code that
 * crosses one, linted with the repository's config as if saved at a path of the SPA, fails with
 * the rule's reason; code that keeps to them passes.
 */

interface Snippet {
  filePath: string;
  code: string;
}
interface Finding {
  ruleId: string | null;
  message: string;
}

const REPOSITORY = resolve(__dirname, '../../..');

/** Lints all snippets in one ESLint run, in a process of its own: Jest cannot load the config. */
function lintSnippets(snippets: Snippet[]): Finding[][] {
  const output = execFileSync(
    process.execPath,
    [resolve(REPOSITORY, 'tools/eslint/lint-snippets.mjs')],
    { cwd: REPOSITORY, input: JSON.stringify(snippets), encoding: 'utf8' },
  );
  return (JSON.parse(output) as { messages: Finding[] }[]).map((result) => result.messages);
}

const at = (path: string, code: string): Snippet => ({ filePath: `apps/web/src/${path}`, code });

/** Refused by the layers rule (or another), with a message matching `message`. */
const refused = (message: RegExp, rule = 'boundaries/dependencies') => ({ rule, message });

const cases: {
  name: string;
  snippet: Snippet;
  expected: ReturnType<typeof refused> | 'allowed';
}[] = [
  {
    name: 'lib importing a feature',
    snippet: at(
      'lib/example.ts',
      "export { useSession } from '../features/session/session-store';",
    ),
    expected: refused(
      /lib, ui and entities are shared by every feature, so they import no feature/,
    ),
  },
  {
    name: "lib importing a feature's entry point",
    snippet: at('lib/example.ts', "export { useSession } from '../features/session';"),
    expected: refused(/lib, ui and entities are shared by every feature/),
  },
  {
    name: 'ui importing a feature',
    snippet: at('ui/Example.tsx', "export { toast } from '../features/toasts';"),
    expected: refused(/lib, ui and entities are shared by every feature/),
  },
  {
    name: 'entities importing a feature',
    snippet: at('entities/example.ts', "export { budgetKeys } from '../features/budgets';"),
    expected: refused(/lib, ui and entities are shared by every feature/),
  },
  {
    name: 'lib importing ui',
    snippet: at('lib/example.ts', "export { formatMoney } from '../ui';"),
    expected: refused(/lib is below ui/),
  },
  {
    name: "a feature importing another feature's internals",
    snippet: at('features/budgets/example.ts', "export { toast } from '../toasts/toast-store';"),
    expected: refused(
      /A feature is used only through its entry point apps\/web\/src\/features\/toasts\/index\.ts/,
    ),
  },
  {
    name: 'a feature importing the app',
    snippet: at('features/budgets/example.ts', "export { routes } from '../../app/routes';"),
    expected: refused(/Only main\.tsx imports app\//),
  },
  {
    name: "production code importing another feature's test factories",
    snippet: at(
      'features/admin-overview/example.ts',
      "export { aRule } from '../admin-alerts/testing/factories';",
    ),
    expected: refused(/Only tests use the test harness and test factories/),
  },
  {
    name: 'the app importing a page statically',
    snippet: at('app/example.ts', "export { BudgetsPage } from '../features/budgets/BudgetsPage';"),
    expected: refused(/A feature is used only through its entry point/),
  },
  {
    name: 'a file in a folder with no layer',
    snippet: at('widgets/example.ts', 'export const answer = 42;'),
    expected: refused(/does not belong to any known element/, 'boundaries/no-unknown-files'),
  },
  {
    name: 'an entry point with code of its own',
    snippet: at('features/budgets/index.ts', 'export const budgetsEnabled = true;'),
    expected: refused(/A feature's entry point only re-exports/, 'no-restricted-syntax'),
  },
  {
    name: 'ui importing lib',
    snippet: at('ui/Example.tsx', "export { api } from '../lib/api-client';"),
    expected: 'allowed',
  },
  {
    name: "a feature importing another feature's entry point and stylesheet",
    snippet: at(
      'features/admin-logs-overview/example.ts',
      "import '../admin-performance/performance.css';\nexport { RangeSelector } from '../admin-performance';",
    ),
    expected: 'allowed',
  },
  {
    name: "the router loading a feature's page lazily",
    snippet: at(
      'app/example.ts',
      "export const load = () => import('../features/budgets/BudgetsPage');",
    ),
    expected: 'allowed',
  },
  {
    name: 'main.tsx importing the app',
    snippet: at('main.tsx', "export { App } from './app/App';"),
    expected: 'allowed',
  },
  {
    name: "a feature's spec using the harness and another feature's test factories",
    snippet: at(
      'features/admin-overview/example.spec.ts',
      "export { aRule } from '../admin-alerts/testing/factories';\nexport { renderPage } from '../../test/render';",
    ),
    expected: 'allowed',
  },
];

describe('SPA boundaries, checked by lint', () => {
  let findings: Finding[][];
  beforeAll(() => {
    findings = lintSnippets(cases.map(({ snippet }) => snippet));
  });

  it.each(cases.map((testCase, index) => ({ ...testCase, index })))(
    '$name',
    ({ index, expected }) => {
      if (expected === 'allowed') {
        expect(findings[index]).toEqual([]);
      } else {
        expect(findings[index]).toEqual([
          { ruleId: expected.rule, message: expect.stringMatching(expected.message) as unknown },
        ]);
      }
    },
  );
});
