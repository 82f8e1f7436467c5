import { normaliseFramePath, parseStack } from './stack-frames';

describe('parseStack', () => {
  it('reads a Node stack: functions, normalised files, in-app or not', () => {
    const stack = [
      "TypeError: Cannot read properties of undefined (reading 'amount')",
      '    at BudgetsService.spent (/srv/ledgerlens/apps/api/src/modules/budgets/budgets.service.ts:120:17)',
      '    at async Promise.all (index 0)',
      '    at async BudgetsController.apply [as list] (/srv/ledgerlens/dist/apps/api/main.js:4521:9)',
      '    at /srv/ledgerlens/node_modules/@nestjs/core/router/router-execution-context.js:46:28',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      '    at new Promise (<anonymous>)',
      '    at Object.<anonymous> (file:///C:/work/libs/contracts/src/index.ts:3:1)',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      {
        function: 'BudgetsService.spent',
        file: 'apps/api/src/modules/budgets/budgets.service.ts',
        inApp: true,
      },
      { function: 'Promise.all', inApp: false },
      { function: 'BudgetsController.list', file: 'apps/api/main.js', inApp: true },
      { function: undefined, file: 'core/router/router-execution-context.js', inApp: false },
      {
        function: 'process.processTicksAndRejections',
        file: 'node:internal/process/task_queues',
        inApp: false,
      },
      { function: 'Promise', inApp: false },
      { function: '<anonymous>', file: 'libs/contracts/src/index.ts', inApp: true },
    ]);
  });

  it('reads a Chrome stack of a bundled SPA, without the build hash or origin', () => {
    const stack = [
      'Error: Failed to load',
      '    at loadTransactions (http://localhost:4200/assets/index-DiwrgTda.js:40:1234)',
      '    at http://localhost:4200/assets/vendor-react-Bx7y9Z1q.js?v=3:1:99',
      '    at chrome-extension://abcdef/content.js:1:1',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'loadTransactions', file: 'assets/index.js', inApp: true },
      { function: undefined, file: 'assets/vendor-react.js', inApp: true },
      { function: undefined, file: 'content.js', inApp: false },
    ]);
  });

  it('reads a Firefox or Safari stack', () => {
    const stack = [
      'loadTransactions@https://ledgerlens.example/assets/index.8e0d62a03ee1ef5ae4a8.js:40:1234',
      '@https://ledgerlens.example/assets/index.8e0d62a03ee1ef5ae4a8.js:1:10',
      'global code@https://ledgerlens.example/src/main.tsx:5:3',
      'promiseReactionJob@[native code]',
    ].join('\n');
    expect(parseStack(stack)).toEqual([
      { function: 'loadTransactions', file: 'assets/index.js', inApp: true },
      { function: undefined, file: 'assets/index.js', inApp: true },
      { function: 'global code', file: 'src/main.tsx', inApp: true },
    ]);
  });

  it('takes no frames from message lines, and none from an empty stack', () => {
    expect(parseStack('Error: write to bob@example.com:25 failed\nsecond line')).toEqual([]);
    expect(parseStack(undefined)).toEqual([]);
    expect(parseStack('')).toEqual([]);
  });
});

describe('normaliseFramePath', () => {
  it.each([
    ['/srv/release-42/dist/apps/api/main.js:10:5', 'apps/api/main.js'],
    ['C:\\Users\\ci\\ledgerlens\\apps\\api\\src\\main.ts:1:1', 'apps/api/src/main.ts'],
    ['webpack://ledgerlens/./apps/api/src/x.ts:3:9', 'apps/api/src/x.ts'],
    ['webpack:///./src/app.tsx?', 'src/app.tsx'],
    ['https://cdn.example/static/js/main.3f2a1b9c.chunk.js:2:100', 'static/js/main.chunk.js'],
    ['/opt/app/server/handlers/../lib/errors.js:1:2', 'server/lib/errors.js'],
    ['http://localhost:4200/assets/index-B3p_Yl-x.js', 'assets/index.js'],
    ['/srv/app/page-settings.js', 'srv/app/page-settings.js'],
    ['http://localhost:4200/assets/TransactionsPage-CjKl91Ab.js:1:2', 'assets/TransactionsPage.js'],
    ['http://localhost:4200/src/features/my-Component.tsx:1:2', 'src/features/my-Component.tsx'],
    ['/x/apps/web/src/transactions.controller.ts', 'apps/web/src/transactions.controller.ts'],
  ])('%s → %s', (location, path) => {
    expect(normaliseFramePath(location)).toBe(path);
  });
});
