import { LOG_INGEST_LIMITS } from '@ledgerlens/contracts';
import { settle } from './test/manual-clock';
import { TestBrowser } from './test/test-browser';
import { createBrowserLogger, DROP_REPORT_MESSAGE } from './index';

/**
 * The public API end to end: real entry building, redaction, storage, batching and transport,
 * posting to a fake endpoint that validates each body with the API's own schema
 * (LOG_BATCH_SCHEMA, compiled by ajv), its byte limits and clock window, and stores like it.
 */
describe('browser logger → ingest endpoint', () => {
  it('posts batches the API accepts, whatever the SPA logs', async () => {
    const browser = new TestBrowser();
    const platform = {
      ...browser.platform(),
      currentUrl: () => `https://app.ledgerlens.test/${'p'.repeat(5_000)}`,
    };

    // A page that went offline for good: its entries age past what the API takes.
    browser.online = false;
    const stale = createBrowserLogger({ platform });
    stale.info('logged a week and a day ago');
    await settle();
    stale.dispose();
    await browser.clock.advance(8 * 86_400_000);
    browser.online = true;

    const logger = createBrowserLogger({
      platform,
      release: `v${'9'.repeat(100)}`,
      dedupWindowMs: 0,
    });
    const cycle: Record<string, unknown> = {};
    cycle['again'] = cycle;
    logger.error('€'.repeat(LOG_INGEST_LIMITS.messageBytes), { nested: cycle, total: 10n ** 30n });
    logger.captureError(Object.assign(new Error('deep stack'), { stack: 'at f\n'.repeat(30_000) }));
    logger
      .withTrace('not a valid trace id')
      .child({
        module: 'M'.repeat(500),
        requestMethod: 'CUSTOMMETHOD',
        requestPath: `/api/v1/${'x'.repeat(3_000)}`,
      })
      .warn('odd request', { statusCode: 700 });
    for (let index = 0; index < 250; index += 1) {
      logger.info(`row ${index} ${'ü'.repeat(6_000)}`, {
        index,
        authorization: 'Bearer abcdefghijklmnopqrstuvwxyz',
      });
    }
    await logger.flush();

    expect(browser.api.validationErrors).toEqual([]);
    expect(browser.api.requests.every((request) => request.status === 200)).toBe(true);
    expect(browser.api.requests.length).toBeGreaterThan(3);
    expect(browser.api.storedLogs).toHaveLength(253);
    expect(JSON.stringify(browser.api.storedEntries)).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(
      browser.api.storedEntries.find((entry) => entry.message === DROP_REPORT_MESSAGE)?.context,
    ).toEqual({
      droppedEntries: { overflow: 0, expired: 1, refused: 0 },
    });
    expect(browser.storedQueues()).toEqual([]);
  });
});
