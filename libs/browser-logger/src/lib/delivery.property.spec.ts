import fc from 'fast-check';
import type { Outcome } from '../test/fake-ingest-api';
import { TestBrowser } from '../test/test-browser';
import type { BrowserLogger } from './browser-logger';
import { totalDropped } from './drop-counts';
import type { BrowserLoggerOptions } from './options';

/**
 * Property 10 (batch atomicity): for any sequence of logging, time passing, answers (network
 * errors, answers lost after storing, 5xx, 429, 4xx), going offline, hiding the page, and
 * reloads (a new logger over the same storage, after a crash or a hand-off by beacon), every
 * entry is at every moment stored by the API once, still pending in storage, or dropped and
 * counted — never lost silently, never stored twice, never sent again once answered 2xx or
 * refused — and once the network heals, every entry not dropped is stored and every drop
 * reported (drop counts ride with batches, so a few more entries carry the last ones).
 *
 * A non-retryable 4xx drops the entries it blames (all of the batch when it blames none) and
 * counts them as `refused`; so do the storage bound (`overflow`) and age (`expired`). Such an
 * entry counts as accounted for exactly when a drop count (in storage, or in a drop report sent
 * to the API) includes it. Only a reply lost after the API stored the batch can make a count
 * include an entry the API also has (it was sent again, then dropped): then counts may exceed
 * the missing entries, never fall short.
 */

type Step =
  | { kind: 'log'; count: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'answers'; outcomes: Outcome[] }
  | { kind: 'offline' }
  | { kind: 'online' }
  | { kind: 'hide'; beaconAccepted: boolean }
  | { kind: 'leave'; beaconAccepted: boolean }
  | { kind: 'crash' }
  | { kind: 'long-offline' };

const outcome = fc.constantFrom<Outcome>(
  'ok',
  'network-error',
  'stored-then-network-error',
  'server-error',
  'rate-limited',
  'refused',
  'refused-first-entry',
  'forbidden',
);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      count: fc.integer({ min: 1, max: 6 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.constantFrom(0, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 40_000, 120_000),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('answers' as const),
      outcomes: fc.array(outcome, { minLength: 1, maxLength: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'offline' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'online' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('hide' as const), beaconAccepted: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('leave' as const), beaconAccepted: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'long-offline' as const }) },
);

const settings: fc.Arbitrary<Settings> = fc.record({
  batchSize: fc.integer({ min: 1, max: 10 }),
  dedupWindowMs: fc.constantFrom(0, 10_000),
  maxStoredEntries: fc.integer({ min: 3, max: 40 }),
});

type Settings = Pick<BrowserLoggerOptions, 'batchSize' | 'dedupWindowMs' | 'maxStoredEntries'>;

/** A page with its own window and document to dispatch browser events to. */
class Page {
  readonly window = new EventTarget();
  readonly document = Object.assign(new EventTarget(), {
    visibilityState: 'visible' as DocumentVisibilityState,
  });
  readonly logger: BrowserLogger;

  constructor(browser: TestBrowser, options: Settings) {
    this.logger = browser.openPage(options);
    this.logger.installGlobalHandlers({ window: this.window, document: this.document });
  }
}

class Run {
  readonly browser = new TestBrowser();
  readonly logged: string[] = [];
  private page: Page;

  constructor(private readonly options: Settings) {
    this.page = new Page(this.browser, options);
  }

  async perform(current: Step): Promise<void> {
    const { browser, page } = this;
    switch (current.kind) {
      case 'log':
        for (let index = 0; index < current.count; index += 1) {
          const message = `entry ${this.logged.length}`;
          this.logged.push(message);
          page.logger.info(message);
        }
        return browser.clock.advance(0);
      case 'wait':
        return browser.clock.advance(current.ms);
      case 'answers':
        return browser.api.answerNext(...current.outcomes);
      case 'offline':
        browser.online = false;
        return;
      case 'online':
        browser.online = true;
        page.window.dispatchEvent(new Event('online'));
        return browser.clock.advance(0);
      case 'hide':
        browser.api.acceptsBeacons = current.beaconAccepted;
        page.document.visibilityState = 'hidden';
        page.document.dispatchEvent(new Event('visibilitychange'));
        page.document.visibilityState = 'visible';
        return browser.api.beaconsDelivered();
      case 'leave':
        browser.api.acceptsBeacons = current.beaconAccepted;
        page.window.dispatchEvent(new Event('pagehide'));
        await browser.api.beaconsDelivered();
        return this.reload();
      case 'crash':
        return this.reload();
      case 'long-offline':
        browser.online = false;
        return browser.clock.advance(8 * 86_400_000);
    }
  }

  /**
   * The network heals and time passes until nothing is pending. Drop counts ride with batches,
   * so a few more entries carry the counts still waiting in storage.
   */
  async settleDown(): Promise<void> {
    const { browser } = this;
    browser.api.heal();
    browser.online = true;
    this.page.window.dispatchEvent(new Event('online'));
    for (let carriers = 0; carriers < 3 && browser.storedQueues().length > 0; carriers += 1) {
      await this.perform({ kind: 'log', count: 1 });
      for (let round = 0; round < 20 && browser.storedRecords().length > 0; round += 1) {
        await browser.clock.advance(60_000);
      }
    }
  }

  private async reload(): Promise<void> {
    this.page.logger.dispose();
    this.page = new Page(this.browser, this.options);
    await this.browser.clock.advance(0);
  }

  /** Delivered once or pending or dropped-and-counted, for every entry logged. */
  checkAccounts(): void {
    const { api } = this.browser;
    const rowsPerMessage = new Map<string, number>();
    for (const entry of api.storedLogs)
      rowsPerMessage.set(entry.message, (rowsPerMessage.get(entry.message) ?? 0) + 1);
    // Stored twice would mean a resend changed the entry's clientId or timestamp.
    expect([...rowsPerMessage.values()].filter((rows) => rows > 1)).toEqual([]);

    const pending = this.browser.storedRecords().map((record) => record.entry.message);
    expect(new Set(pending).size).toBe(pending.length);

    const accounted = new Set([...rowsPerMessage.keys(), ...pending]);
    const missing = this.logged.filter((message) => !accounted.has(message));
    const dropped = totalDropped(this.browser.droppedSoFar());
    if (api.lostAnswers > 0) expect(dropped).toBeGreaterThanOrEqual(missing.length);
    else expect(dropped).toBe(missing.length);

    expect(api.validationErrors).toEqual([]);
  }

  /** No request repeats an entry after a 2xx answer for it or a refusal of it. */
  checkNoResendAfterAnswer(): void {
    const answered = new Set<string>();
    for (const request of this.browser.api.requests.filter((each) => each.via === 'fetch')) {
      expect(request.entries.filter((entry) => answered.has(entry.clientId))).toEqual([]);
      for (const entry of request.entries) {
        if (request.status === 200 || request.refused.has(entry.clientId))
          answered.add(entry.clientId);
      }
    }
  }
}

describe('property 10: batch atomicity', () => {
  it('delivers every entry once or keeps it pending, and counts what it drops', async () => {
    await fc.assert(
      fc.asyncProperty(
        settings,
        fc.array(step, { minLength: 10, maxLength: 40 }),
        async (options, steps) => {
          const run = new Run(options);
          for (const current of steps) {
            await run.perform(current);
            run.checkAccounts();
          }
          await run.settleDown();
          run.checkAccounts();
          run.checkNoResendAfterAnswer();
          expect(run.browser.storedQueues()).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
