/**
 * Does the LogViewer stay smooth with 100 000 lines loaded? Two tabs of the built SPA in Debian's
 * Chromium, signed in as an admin: one holds 1 000 loaded lines, the other 100 000 (500 pages of
 * 200, fetched by scrolling as an admin would). The list route answers from synthetic pages in
 * the browser (page.route), so the figures are the SPA's own, not the database's; everything else
 * is the real app (`npm start`'s build on a throwaway database).
 *
 * In interleaved rounds (small, large, small, large, …) each tab scrolls its list through 800
 * rows, 60 px per animation frame; the frame intervals give the median, p95 and the share of
 * frames over 25 ms (a dropped frame at 60 Hz), and the rendered row count shows the
 * virtualisation at work. Results record both tabs side by side and their ratios; a ratio near 1
 * means the 100 000 lines cost the scrolling nothing. It measures; it asserts nothing.
 *
 * Run: `npm run bench:log-viewer` (builds first; about 2 minutes). Writes bench/results/log-viewer.json.
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchChromium } from '../apps/web-e2e/src/support/browser';
import { startApp } from '../apps/web-e2e/src/support/app';
import { writeResult } from './support/results';

const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password-1' };
const PAGE_SIZE = 200;
const SMALL = 1_000;
const LARGE = 100_000;
const ROUNDS = 7;
/** Rows scrolled per sample: within the small tab's lines, far from the large tab's end. */
const SCROLL_ROWS = 800;
const ROW_PX = 60;
const LEVELS = ['debug', 'info', 'info', 'info', 'warn', 'error'] as const;

/** Line `index` (0 = newest) of a synthetic store. */
function lineAt(index: number) {
  const level = LEVELS[index % LEVELS.length];
  return {
    id: String(LARGE - index),
    timestamp: new Date(Date.UTC(2026, 11, 6, 12) - index * 1_000).toISOString(),
    level,
    severityNumber: { debug: 5, info: 9, warn: 13, error: 17 }[level],
    source: index % 4 === 0 ? 'frontend' : 'backend',
    module: index % 3 === 0 ? 'http' : 'transactions',
    message: `${level === 'error' ? 'Request failed' : 'Request completed'} #${index}: GET /api/v1/transactions?page=${index % 50}`,
    traceId: null,
    userId: null,
    requestMethod: 'GET',
    requestPath: '/api/v1/transactions',
    statusCode: level === 'error' ? 500 : 200,
    durationMs: 12 + (index % 90),
    extra: {},
  };
}

/** Serves `total` lines, newest first, a page at a time by a numeric cursor. */
async function serveLines(page: Page, total: number): Promise<void> {
  await page.route(
    (url) => url.pathname === '/api/v1/logging/logs',
    (route) => {
      const url = new URL(route.request().url());
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const end = Math.min(start + PAGE_SIZE, total);
      const items = Array.from({ length: end - start }, (_, offset) => lineAt(start + offset));
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ items, nextCursor: end < total ? String(end) : null }),
      });
    },
  );
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Scrolls to the end of the list until `total` lines are loaded (the list fetches as it nears the end). */
async function loadAll(page: Page, total: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const count = await page.evaluate(() => {
      const text = document.querySelector('.log-list__count')?.textContent ?? '';
      return Number((text.match(/[\d,]+/)?.[0] ?? '0').replace(/,/g, ''));
    });
    if (count >= total) return Date.now() - started;
    await page.evaluate(() => {
      const scroller = document.querySelector('[data-testid="log-scroller"]');
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
    });
    await page.waitForTimeout(20);
  }
}

interface Sample {
  medianFrameMs: number;
  p95FrameMs: number;
  slowFrameShare: number;
  renderedRows: number;
}

/** Scrolls the list through SCROLL_ROWS rows from its top, one step per frame, timing the frames. */
function scrollAndTime(page: Page): Promise<Sample> {
  return page.evaluate(
    ({ rows, stepPx }) =>
      new Promise<Sample>((resolvePromise) => {
        const scroller = document.querySelector('[data-testid="log-scroller"]') as HTMLElement;
        scroller.scrollTop = 0;
        const rowHeight = 36;
        const endPx = rows * rowHeight;
        const intervals: number[] = [];
        let last = performance.now();
        const step = (now: number) => {
          intervals.push(now - last);
          last = now;
          const before = scroller.scrollTop;
          scroller.scrollTop += stepPx;
          // Stops at the target, or at the list's end should it come first.
          if (scroller.scrollTop < endPx && scroller.scrollTop > before)
            requestAnimationFrame(step);
          else {
            const sorted = intervals.slice(1).sort((a, b) => a - b);
            const at = (q: number) =>
              sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
            resolvePromise({
              medianFrameMs: at(0.5),
              p95FrameMs: at(0.95),
              slowFrameShare: sorted.filter((ms) => ms > 25).length / sorted.length,
              renderedRows: scroller.querySelectorAll('li').length,
            });
          }
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(step);
        });
      }),
    { rows: SCROLL_ROWS, stepPx: ROW_PX },
  );
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const app = await startApp({
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      baseURL: app.baseUrl,
    });
    const tabs = { small: await context.newPage(), large: await context.newPage() };
    const loadMs: Record<string, number> = {};
    for (const [name, total] of [
      ['small', SMALL],
      ['large', LARGE],
    ] as const) {
      const page = tabs[name];
      await serveLines(page, total);
      await signIn(page);
      await page.goto('/admin/logs');
      await page.getByRole('heading', { level: 1, name: 'Logs' }).waitFor();
      loadMs[name] = await loadAll(page, total);
      console.log(`${name}: ${total.toLocaleString()} lines loaded in ${loadMs[name]} ms`);
    }
    const samples: Record<'small' | 'large', Sample[]> = { small: [], large: [] };
    for (let index = 0; index < ROUNDS; index++) {
      for (const name of ['small', 'large'] as const) {
        await tabs[name].bringToFront();
        samples[name].push(await scrollAndTime(tabs[name]));
      }
      console.log(
        `round ${index + 1}: median frame ${round(samples.small[index].medianFrameMs)} ms (1 000 lines) vs ${round(samples.large[index].medianFrameMs)} ms (100 000 lines)`,
      );
    }
    const summary = (name: 'small' | 'large', lines: number) => ({
      linesLoaded: lines,
      loadAllMs: loadMs[name],
      medianFrameMs: round(median(samples[name].map((sample) => sample.medianFrameMs))),
      p95FrameMs: round(median(samples[name].map((sample) => sample.p95FrameMs))),
      slowFrameShare: round(median(samples[name].map((sample) => sample.slowFrameShare)), 3),
      renderedRows: median(samples[name].map((sample) => sample.renderedRows)),
    });
    const small = summary('small', SMALL);
    const large = summary('large', LARGE);
    const result = {
      measuredAt: new Date().toISOString(),
      method: `${ROUNDS} interleaved rounds; each scrolls ${SCROLL_ROWS} rows at ${ROW_PX} px per frame in headless Chromium at 1280×900`,
      // Absolute frame times depend on the machine's load; the side-by-side ratio is the figure.
      cpus: cpus().length,
      loadAverage: loadavg().map((value) => round(value)),
      small,
      large,
      ratios: {
        medianFrame: round(large.medianFrameMs / small.medianFrameMs),
        p95Frame: round(large.p95FrameMs / small.p95FrameMs),
      },
    };
    console.table({ small, large });
    console.log('ratios (100 000 ÷ 1 000):', result.ratios);
    writeResult('log-viewer', result);
  } finally {
    await browser.close();
    await app.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
