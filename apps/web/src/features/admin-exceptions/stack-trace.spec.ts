import { foldStack } from './stack-trace';

describe('foldStack', () => {
  it('keeps the message open and folds each run of library frames on its own', () => {
    const stack = [
      "TypeError: Cannot read properties of undefined (reading 'amount')",
      '    at BudgetsService.spent (/srv/ledgerlens/apps/api/src/modules/budgets/budgets.service.ts:120:17)',
      '    at async Promise.all (index 0)',
      '    at /srv/ledgerlens/node_modules/@nestjs/core/router/router-execution-context.js:46:28',
      '    at BudgetsController.list (/srv/ledgerlens/dist/apps/api/main.js:4521:9)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at new Promise (<anonymous>)',
    ].join('\n');

    expect(foldStack(stack)).toEqual([
      {
        kind: 'message',
        lines: ["TypeError: Cannot read properties of undefined (reading 'amount')"],
      },
      {
        kind: 'app',
        lines: [
          {
            text: 'at BudgetsService.spent (/srv/ledgerlens/apps/api/src/modules/budgets/budgets.service.ts:120:17)',
            inApp: true,
          },
        ],
      },
      {
        kind: 'library',
        lines: [
          { text: 'at async Promise.all (index 0)', inApp: false },
          {
            text: 'at /srv/ledgerlens/node_modules/@nestjs/core/router/router-execution-context.js:46:28',
            inApp: false,
          },
        ],
      },
      {
        kind: 'app',
        lines: [
          {
            text: 'at BudgetsController.list (/srv/ledgerlens/dist/apps/api/main.js:4521:9)',
            inApp: true,
          },
        ],
      },
      {
        kind: 'library',
        lines: [
          {
            text: 'at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
            inApp: false,
          },
          { text: 'at new Promise (<anonymous>)', inApp: false },
        ],
      },
    ]);
  });

  it('reads browser stacks: the page’s bundle is in-app, extensions are not', () => {
    const segments = foldStack(
      [
        'Error: Failed to load',
        '    at loadTransactions (http://localhost:4200/assets/index-DiwrgTda.js:40:1234)',
        '    at chrome-extension://abcdef/content.js:1:1',
      ].join('\n'),
    );
    expect(segments.map((segment) => segment.kind)).toEqual(['message', 'app', 'library']);
  });

  it('reads Firefox and Safari frames', () => {
    const segments = foldStack(
      [
        'loadTransactions@https://ledgerlens.example/assets/index.js:40:1234',
        'promiseReactionJob@[native code]',
      ].join('\n'),
    );
    expect(segments).toEqual([
      {
        kind: 'app',
        lines: [
          {
            text: 'loadTransactions@https://ledgerlens.example/assets/index.js:40:1234',
            inApp: true,
          },
        ],
      },
      { kind: 'library', lines: [{ text: 'promiseReactionJob@[native code]', inApp: false }] },
    ]);
  });

  it('keeps a multi-line message together and has nothing for no stack', () => {
    expect(foldStack('Error: first line\nsecond line\n')).toEqual([
      { kind: 'message', lines: ['Error: first line', 'second line'] },
    ]);
    expect(foldStack(null)).toEqual([]);
    expect(foldStack('')).toEqual([]);
  });
});
