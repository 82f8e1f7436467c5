import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot } from './browser';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** A page a journey showed that axe-core found serious or critical violations on. */
export interface PageFinding {
  url: string;
  violations: AxeViolation[];
}

/**
 * The pages (by route: an ID in the path counts as one route) a browser context has shown, with
 * the first address seen for each, and the routes axe-core has checked.
 */
interface Visits {
  shown: Map<string, string>;
  checked: Set<string>;
}
const VISITS = new WeakMap<BrowserContext, Visits>();

const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{16,}|\d+)$/i;

/** `/admin/exceptions/4f1c…` → `/admin/exceptions/:id`; null for what is not the app. */
export function routeOf(address: string): string | null {
  const url = new URL(address);
  if (!url.protocol.startsWith('http')) return null;
  return url.pathname
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
}

function visitsOf(context: BrowserContext): Visits {
  let visits = VISITS.get(context);
  if (!visits) {
    visits = { shown: new Map(), checked: new Set() };
    VISITS.set(context, visits);
  }
  return visits;
}

/** Notes every route the context's pages show, client-side navigations included. */
export function trackVisits(context: BrowserContext): void {
  context.on('page', (page) => {
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const route = routeOf(frame.url());
      const { shown } = visitsOf(context);
      if (route && !shown.has(route)) shown.set(route, frame.url());
    });
  });
}

/**
 * Runs axe-core in the page as it is now and answers its serious and critical violations, each
 * with the elements concerned (the context needs `bypassCSP`: the app's CSP refuses injected
 * scripts). The page's route counts as checked.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const route = routeOf(page.url());
  if (route) visitsOf(page.context()).checked.add(route);
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    }
    const results = await axe.run(document);
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      }));
  });
}

/**
 * Photographs the page from its top, then asserts axe-core finds no serious or critical
 * violation (the picture is there to look at when it does).
 */
export async function checkAndPhotograph(page: Page, name: string): Promise<void> {
  // From the top: a full-page shot taken scrolled down paints the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
  expect({ name, violations: await seriousViolations(page) }).toEqual({ name, violations: [] });
  // Nothing wider than the window: a page that scrolls sideways hides part of itself.
  const widerBy = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect({ name, widerThanTheWindowBy: Math.max(0, widerBy) }).toEqual({
    name,
    widerThanTheWindowBy: 0,
  });
}

/**
 * Checks every route the contexts showed that no test checked: each is opened again in its own
 * context (same session), left to settle, and run through axe-core. Answers the pages with
 * findings, so a journey cannot visit a page without its accessibility being checked.
 */
export async function auditUncheckedRoutes(contexts: BrowserContext[]): Promise<PageFinding[]> {
  const findings: PageFinding[] = [];
  for (const context of contexts) {
    const { shown, checked } = visitsOf(context);
    const unchecked = [...shown].filter(([route]) => !checked.has(route));
    for (const [, url] of unchecked) {
      const page = await context.newPage();
      await page.goto(url);
      await settle(page);
      const violations = await seriousViolations(page);
      if (violations.length > 0) findings.push({ url, violations });
      await page.close();
    }
  }
  return findings;
}

/** Waits for the page's title and for its requests to finish (briefly: a live page keeps polling). */
async function settle(page: Page): Promise<void> {
  await page
    .locator('h1')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
}
