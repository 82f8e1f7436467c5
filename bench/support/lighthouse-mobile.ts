import { launch } from 'chrome-launcher';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const REFRESH_TOKEN_KEY = 'ledgerlens.refreshToken';

/** Lighthouse's performance figures for one page load (times in milliseconds). */
export interface LighthouseRun {
  score: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  cumulativeLayoutShift: number;
  totalBlockingTimeMs: number;
  speedIndexMs: number;
}

/**
 * Lighthouse's mobile performance audit (its default: a mid-range phone, simulated slow 4G and a
 * 4x slower CPU) of `url`, in Debian's Chromium, offline. With `refreshToken`, the page opens with
 * that session stored as the SPA keeps it, so it restores the session as after a reload: the
 * token is stored from another page of the origin first, and Lighthouse is told to keep storage.
 */
export async function lighthouseMobile(url: string, refreshToken?: string): Promise<LighthouseRun> {
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    logLevel: 'silent',
  });
  try {
    if (refreshToken) {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      const page = await browser.contexts()[0].newPage();
      await page.goto(new URL('/api/v1/health', url).href);
      await page.evaluate(
        ([key, token]) => localStorage.setItem(key, token),
        [REFRESH_TOKEN_KEY, refreshToken],
      );
      await page.close();
      await browser.close();
    }
    // An ES module: loaded when needed, so the rest of the bench runs without it.
    const { default: lighthouse } = await import('lighthouse');
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance'],
      disableStorageReset: Boolean(refreshToken),
      logLevel: 'error',
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((categories.performance?.score ?? Number.NaN) * 100),
      firstContentfulPaintMs: Math.round(value('first-contentful-paint')),
      largestContentfulPaintMs: Math.round(value('largest-contentful-paint')),
      cumulativeLayoutShift: Number(value('cumulative-layout-shift').toFixed(3)),
      totalBlockingTimeMs: Math.round(value('total-blocking-time')),
      speedIndexMs: Math.round(value('speed-index')),
    };
  } finally {
    chrome.kill();
  }
}
