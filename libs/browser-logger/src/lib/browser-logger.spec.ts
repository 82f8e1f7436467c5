import { TestBrowser } from '../test/test-browser';

describe('createBrowserLogger', () => {
  let browser: TestBrowser;

  beforeEach(() => {
    browser = new TestBrowser();
  });

  const sent = () => browser.api.storedLogs;

  it('keeps entries at or above minLevel only', async () => {
    const logger = browser.openPage({ minLevel: 'warn' });
    logger.trace('t');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    logger.fatal('f');
    await logger.flush();
    expect(sent().map((entry) => [entry.level, entry.message])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
      ['fatal', 'f'],
    ]);
  });

  it('puts one session ID on every entry, children included', async () => {
    const logger = browser.openPage();
    logger.info('root');
    logger.child({ module: 'BudgetsPage' }).info('child');
    logger.withTrace('0af7651916cd43dd8448eb211c80319c').info('traced');
    await logger.flush();
    expect(new Set(sent().map((entry) => entry.sessionId))).toEqual(new Set([logger.sessionId]));
    expect(logger.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uses a given session ID', async () => {
    const logger = browser.openPage({ sessionId: 'tab-42' });
    logger.info('hello');
    await logger.flush();
    expect(sent()[0]?.sessionId).toBe('tab-42');
  });

  it('keeps the trace ID on what one request causes, and off everything else', async () => {
    const logger = browser.openPage();
    const request = logger.withTrace('0af7651916cd43dd8448eb211c80319c').child({
      requestMethod: 'POST',
      requestPath: '/api/v1/budgets',
      statusCode: 409,
      durationMs: 87,
    });
    request.warn('budget conflict', { budgetId: 'b-1' });
    logger.info('unrelated');
    await logger.flush();
    expect(sent()).toEqual([
      expect.objectContaining({
        message: 'budget conflict',
        traceId: '0af7651916cd43dd8448eb211c80319c',
        requestMethod: 'POST',
        requestPath: '/api/v1/budgets',
        statusCode: 409,
        durationMs: 87,
        context: { budgetId: 'b-1' },
      }),
      expect.not.objectContaining({ traceId: expect.anything() as unknown }),
    ]);
  });

  it('merges bound and per-entry context, the nearest keys winning', async () => {
    const logger = browser.openPage();
    const page = logger.child({
      module: 'TransactionsPage',
      context: { feature: 'import', step: 1 },
    });
    page.child({ context: { step: 2 } }).info('parsed', { rows: 40 });
    await logger.flush();
    expect(sent()[0]).toMatchObject({
      module: 'TransactionsPage',
      context: { feature: 'import', step: 2, rows: 40 },
    });
  });

  it('captures what an error boundary reports, with the component stack', async () => {
    const logger = browser.openPage();
    const error = new TypeError("Cannot read properties of undefined (reading 'amount')");
    logger.captureError(error, { componentStack: '\n    at BudgetRow\n    at BudgetsPage' });
    await logger.flush();
    expect(sent()[0]).toMatchObject({
      level: 'error',
      message: "Cannot read properties of undefined (reading 'amount')",
      stack: error.stack,
      context: { errorName: 'TypeError', componentStack: '\n    at BudgetRow\n    at BudgetsPage' },
    });
  });

  it('never throws into the page, even when building an entry fails', () => {
    const logger = browser.openPage({
      redactor: {
        redact: () => {
          throw new Error('redactor bug');
        },
        redactText: (text) => text,
        isSensitiveKey: () => false,
      },
    });
    expect(() => logger.info('hello', { a: 1 })).not.toThrow();
  });

  it('captures uncaught errors through installGlobalHandlers until disposed', async () => {
    const window = new EventTarget();
    const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as const });
    const logger = browser.openPage();
    logger.installGlobalHandlers({ window, document });
    const uncaught = (message: string) =>
      window.dispatchEvent(Object.assign(new Event('error'), { error: new Error(message) }));
    uncaught('first');
    await logger.flush();
    logger.dispose();
    uncaught('after dispose');
    expect(sent().map((entry) => entry.message)).toEqual(['first']);
    expect(browser.storedRecords()).toEqual([]);
  });

  it('refuses options it cannot work with', () => {
    expect(() => browser.openPage({ batchSize: 0 })).toThrow(RangeError);
    expect(() => browser.openPage({ batchSize: 101 })).toThrow(RangeError);
    expect(() => browser.openPage({ flushIntervalMs: 1.5 })).toThrow(RangeError);
    expect(() => browser.openPage({ minLevel: 'verbose' as never })).toThrow(RangeError);
  });
});
