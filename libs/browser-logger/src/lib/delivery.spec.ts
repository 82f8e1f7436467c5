import { settle, TEST_EPOCH } from '../test/manual-clock';
import { TestBrowser } from '../test/test-browser';
import type { BrowserLogger } from './browser-logger';
import { DROP_REPORT_MESSAGE } from './drop-counts';
import { utf8Bytes } from './wire-limits';

const DAY_MS = 86_400_000;

describe('delivery', () => {
  let browser: TestBrowser;

  beforeEach(() => {
    browser = new TestBrowser();
  });

  const fetchTimes = () =>
    browser.api.requests
      .filter((request) => request.via === 'fetch')
      .map((request) => request.at - TEST_EPOCH);

  describe('batching', () => {
    it('sends a lone entry when it has waited the flush interval after its window closed', async () => {
      const logger = browser.openPage();
      logger.info('saved');
      await browser.clock.advance(14_999);
      expect(browser.api.requests).toHaveLength(0);
      await browser.clock.advance(1);
      expect(fetchTimes()).toEqual([15_000]);
      expect(browser.api.storedLogs.map((entry) => entry.message)).toEqual(['saved']);
    });

    it('sends an error one second after it was logged, repeats in that second counted into it', async () => {
      const logger = browser.openPage();
      logger.info('saved');
      logger.error('payment failed');
      await browser.clock.advance(500);
      logger.error('payment failed');
      await browser.clock.advance(499);
      expect(browser.api.requests).toHaveLength(0);
      await browser.clock.advance(1);
      expect(fetchTimes()).toEqual([1_000]);
      expect(browser.api.requests[0]?.entries.map((entry) => entry.message)).toEqual([
        'payment failed',
      ]);
      expect(browser.api.requests[0]?.entries[0]?.context).toMatchObject({ repeatCount: 2 });
      // The info entry keeps its de-duplication window and flush interval.
      await browser.clock.advance(14_000);
      expect(fetchTimes()).toEqual([1_000, 15_000]);
    });

    it('holds errors for the whole de-duplication window when it is shorter than errorDelayMs', async () => {
      const logger = browser.openPage({ dedupWindowMs: 200, errorDelayMs: 1_000 });
      logger.fatal('out of memory');
      await browser.clock.advance(200);
      expect(fetchTimes()).toEqual([200]);
    });

    it('sends at once when batchSize entries are ready, and a smaller batch after the interval', async () => {
      const logger = browser.openPage({ dedupWindowMs: 0, batchSize: 3, flushIntervalMs: 5_000 });
      const sentMessages = () =>
        browser.api.requests.map((request) => request.entries.map((entry) => entry.message));
      logger.info('a');
      logger.info('b');
      await browser.clock.advance(1_000);
      expect(sentMessages()).toEqual([]);
      logger.info('c');
      await browser.clock.advance(0);
      expect(sentMessages()).toEqual([['a', 'b', 'c']]);
      logger.info('d');
      await browser.clock.advance(4_999);
      expect(sentMessages()).toEqual([['a', 'b', 'c']]);
      await browser.clock.advance(1);
      expect(sentMessages()).toEqual([['a', 'b', 'c'], ['d']]);
      expect(fetchTimes()).toEqual([1_000, 6_000]);
    });

    it('never puts more than the API takes into one request', async () => {
      const logger = browser.openPage({ dedupWindowMs: 0 });
      for (let index = 0; index < 250; index += 1) logger.info(`entry ${index}`);
      await logger.flush();
      expect(browser.api.requests.map((request) => request.entries.length)).toEqual([100, 100, 50]);
      expect(browser.api.storedLogs).toHaveLength(250);
    });

    it('flush() sends everything now, open de-duplication windows included', async () => {
      const logger = browser.openPage();
      logger.warn('slow page');
      logger.warn('slow page');
      await logger.flush();
      expect(browser.api.storedLogs).toEqual([
        expect.objectContaining({
          message: 'slow page',
          context: expect.objectContaining({ repeatCount: 2 }) as unknown,
        }),
      ]);
      expect(browser.storedRecords()).toEqual([]);
    });
  });

  describe('de-duplication', () => {
    it('sends an entry repeated within the window once, with the count and the last time', async () => {
      const logger = browser.openPage();
      logger.warn('Retrying the request');
      await browser.clock.advance(4_000);
      logger.warn('Retrying the request');
      await browser.clock.advance(5_999);
      logger.warn('Retrying the request');
      await browser.clock.advance(20_000);
      expect(browser.api.storedLogs).toEqual([
        expect.objectContaining({
          timestamp: new Date(TEST_EPOCH).toISOString(),
          context: { repeatCount: 3, lastRepeatAt: new Date(TEST_EPOCH + 9_999).toISOString() },
        }),
      ]);
    });

    it('starts a new entry once the window has closed', async () => {
      const logger = browser.openPage();
      logger.error('boom');
      await browser.clock.advance(10_000);
      logger.error('boom');
      await browser.clock.advance(30_000);
      expect(browser.api.storedLogs.map((entry) => entry.context)).toEqual([undefined, undefined]);
    });

    it('keeps entries apart that differ in level, message or stack', async () => {
      const logger = browser.openPage();
      const withStack = (stack: string) => Object.assign(new Error('boom'), { stack });
      logger.error('boom');
      logger.warn('boom');
      logger.error('boom!');
      logger.captureError(withStack('at a()'));
      logger.captureError(withStack('at b()'));
      logger.captureError(withStack('at b()'));
      await logger.flush();
      expect(browser.api.storedLogs.map((entry) => entry.context?.['repeatCount'])).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        2,
      ]);
    });
  });

  describe('retries', () => {
    it('retries a network error with doubling delays and stores the batch once', async () => {
      const logger = browser.openPage({ dedupWindowMs: 0, flushIntervalMs: 0 });
      browser.api.answerNext('network-error', 'server-error', 'stored-then-network-error');
      logger.info('hello');
      await browser.clock.advance(60_000);
      expect(fetchTimes()).toEqual([0, 1_000, 3_000, 7_000]);
      expect(browser.api.storedLogs).toHaveLength(1);
      expect(browser.storedRecords()).toEqual([]);
      // Every attempt carried the same clientId and timestamp: the API could tell the repeat.
      const sent = browser.api.requests.flatMap((request) => request.entries);
      expect(new Set(sent.map((entry) => `${entry.clientId}|${entry.timestamp}`)).size).toBe(1);
    });

    it('waits as long as Retry-After says when rate limited', async () => {
      const logger = browser.openPage({
        dedupWindowMs: 0,
        flushIntervalMs: 0,
        retryBaseDelayMs: 100,
      });
      browser.api.answerNext('rate-limited');
      logger.info('hello');
      await browser.clock.advance(10_000);
      expect(fetchTimes()).toEqual([0, 2_000]);
    });

    it('after the last retry keeps the entries and pauses before trying again', async () => {
      const logger = browser.openPage({ dedupWindowMs: 0, flushIntervalMs: 0 });
      browser.api.answerNext('server-error', 'server-error', 'server-error', 'server-error');
      logger.info('hello');
      await browser.clock.advance(36_999);
      expect(fetchTimes()).toEqual([0, 1_000, 3_000, 7_000]);
      expect(browser.storedRecords().map((record) => record.entry.message)).toEqual(['hello']);
      await browser.clock.advance(1);
      expect(fetchTimes()).toEqual([0, 1_000, 3_000, 7_000, 37_000]);
      expect(browser.api.storedLogs).toHaveLength(1);
    });

    it.each(['refused', 'forbidden'] as const)(
      'drops a batch answered %s without retrying, and reports the drop with the next batch',
      async (outcome) => {
        const logger = browser.openPage({ dedupWindowMs: 0, flushIntervalMs: 0 });
        browser.api.answerNext(outcome);
        logger.info('one');
        logger.info('two');
        await browser.clock.advance(60_000);
        expect(browser.api.requests).toHaveLength(1);
        expect(browser.storedRecords()).toEqual([]);
        logger.info('three');
        await browser.clock.advance(0);
        expect(browser.api.storedEntries).toEqual([
          expect.objectContaining({
            level: 'warn',
            message: DROP_REPORT_MESSAGE,
            context: { droppedEntries: { overflow: 0, expired: 0, refused: 2 } },
          }),
          expect.objectContaining({ message: 'three' }),
        ]);
      },
    );

    it('drops only the entries the API blames and sends the others again', async () => {
      const logger = browser.openPage({ dedupWindowMs: 0, flushIntervalMs: 0 });
      browser.api.answerNext('refused-first-entry');
      logger.info('bad');
      logger.info('good');
      await browser.clock.advance(0);
      expect(browser.api.storedEntries.map((entry) => entry.message)).toEqual([
        DROP_REPORT_MESSAGE,
        'good',
      ]);
      expect(browser.droppedSoFar()).toEqual({ overflow: 0, expired: 0, refused: 1 });
    });

    it('adds the injected headers to every request', async () => {
      let token = 'first-access-token-0001';
      const logger = browser.openPage({
        dedupWindowMs: 0,
        flushIntervalMs: 0,
        headers: () => ({ Authorization: `Bearer ${token}` }),
      });
      browser.api.answerNext('server-error');
      logger.info('hello');
      await browser.clock.advance(0);
      token = 'second-access-token-0002';
      await browser.clock.advance(1_000);
      expect(browser.api.requests.map((request) => request.headers.get('authorization'))).toEqual([
        'Bearer first-access-token-0001',
        'Bearer second-access-token-0002',
      ]);
      expect(browser.api.requests[0]?.headers.get('content-type')).toBe('application/json');
    });
  });

  describe('offline and the next page', () => {
    it('sends nothing while offline and everything ready when back online', async () => {
      const window = new EventTarget();
      const document = Object.assign(new EventTarget(), { visibilityState: 'visible' as const });
      const logger = browser.openPage({ dedupWindowMs: 0 });
      logger.installGlobalHandlers({ window, document });
      browser.online = false;
      logger.info('offline 1');
      logger.info('offline 2');
      await browser.clock.advance(600_000);
      expect(browser.api.requests).toHaveLength(0);
      browser.online = true;
      window.dispatchEvent(new Event('online'));
      await settle();
      expect(browser.api.storedLogs.map((entry) => entry.message)).toEqual([
        'offline 1',
        'offline 2',
      ]);
    });

    it('sends what a crashed page left in storage as soon as the next page starts', async () => {
      browser.online = false;
      const crashed = browser.openPage();
      crashed.info('before the crash');
      await settle();
      browser.online = true;
      await browser.clock.advance(60_000);
      browser.openPage();
      await browser.clock.advance(0);
      expect(browser.api.storedLogs.map((entry) => entry.message)).toEqual(['before the crash']);
      expect(fetchTimes()).toEqual([60_000]);
    });

    it('drops and counts stored entries too old for the API instead of sending them', async () => {
      browser.online = false;
      browser.openPage().info('a week ago');
      await settle();
      await browser.clock.advance(7 * DAY_MS);
      browser.online = true;
      const next = browser.openPage();
      next.info('today');
      await next.flush();
      expect(browser.api.validationErrors).toEqual([]);
      expect(browser.api.storedEntries.map((entry) => entry.message)).toEqual([
        DROP_REPORT_MESSAGE,
        'today',
      ]);
      expect(browser.droppedSoFar()).toEqual({ overflow: 0, expired: 1, refused: 0 });
    });

    it('keeps at most maxStoredEntries, dropping and counting the oldest', async () => {
      browser.online = false;
      const logger = browser.openPage({ maxStoredEntries: 3 });
      for (const message of ['1', '2', '3', '4', '5']) logger.info(message);
      await settle();
      expect(browser.storedRecords().map((record) => record.entry.message)).toEqual([
        '3',
        '4',
        '5',
      ]);
      browser.online = true;
      await logger.flush();
      expect(browser.api.storedEntries.map((entry) => entry.message)).toEqual([
        DROP_REPORT_MESSAGE,
        '3',
        '4',
        '5',
      ]);
      expect(browser.droppedSoFar()).toEqual({ overflow: 2, expired: 0, refused: 0 });
    });
  });

  describe('leaving the page', () => {
    /** Installs the page's handlers on a window of its own and returns that window. */
    function leavablePage(logger: BrowserLogger): EventTarget {
      const window = new EventTarget();
      const document = Object.assign(new EventTarget(), { visibilityState: 'hidden' as const });
      logger.installGlobalHandlers({ window, document });
      return window;
    }

    it('beacons every pending entry, in flight or in an open window, and forgets them', async () => {
      const logger = browser.openPage();
      const window = leavablePage(logger);
      browser.api.answerNext('server-error');
      logger.info('in flight');
      void logger.flush();
      await settle();
      logger.info('just logged');
      window.dispatchEvent(new Event('pagehide'));
      await browser.api.beaconsDelivered();
      const beacons = browser.api.requests.filter((request) => request.via === 'beacon');
      expect(beacons.map((beacon) => beacon.entries.map((entry) => entry.message))).toEqual([
        ['in flight', 'just logged'],
      ]);
      expect(browser.api.storedLogs).toHaveLength(2);
      expect(browser.storedRecords()).toEqual([]);
    });

    it('keeps what the browser refuses to beacon for the next page', () => {
      browser.api.acceptsBeacons = false;
      const logger = browser.openPage();
      const window = leavablePage(logger);
      logger.info('unsent');
      window.dispatchEvent(new Event('pagehide'));
      expect(browser.storedRecords().map((record) => record.entry.message)).toEqual(['unsent']);
    });

    it('does not beacon while offline (the browser would take it and lose it)', async () => {
      const logger = browser.openPage();
      const window = leavablePage(logger);
      logger.info('unsent');
      browser.online = false;
      window.dispatchEvent(new Event('pagehide'));
      await browser.api.beaconsDelivered();
      expect(browser.api.requests).toEqual([]);
      expect(browser.storedRecords()).toHaveLength(1);
    });

    it('splits beacons to stay under maxBeaconBytes', async () => {
      const logger = browser.openPage({ maxBeaconBytes: 2_000 });
      const window = leavablePage(logger);
      for (let index = 0; index < 10; index += 1) logger.info(`entry ${index} ${'x'.repeat(500)}`);
      window.dispatchEvent(new Event('pagehide'));
      await browser.api.beaconsDelivered();
      const beacons = browser.api.requests.filter((request) => request.via === 'beacon');
      expect(beacons.length).toBeGreaterThan(1);
      for (const beacon of beacons) {
        expect(utf8Bytes(JSON.stringify({ entries: beacon.entries }))).toBeLessThanOrEqual(2_000);
      }
      expect(browser.api.storedLogs).toHaveLength(10);
    });
  });

  it('stops sending after dispose() and keeps what is unsent', async () => {
    const logger = browser.openPage();
    logger.info('kept');
    logger.dispose();
    await browser.clock.advance(600_000);
    expect(browser.api.requests).toEqual([]);
    expect(browser.clock.pendingTimers).toBe(0);
    expect(browser.storedRecords().map((record) => record.entry.message)).toEqual(['kept']);
  });
});
