import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditUncheckedRoutes, type PageFinding, trackVisits } from './axe';
import { launchChromium } from './browser';

export const WIDTHS = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

export interface Account {
  email: string;
  password: string;
}

/**
 * Debian's Chromium pointed at the running app; every page in a context of its own. Every route a
 * journey shows is checked by axe-core: those the journey did not check itself are checked when
 * the browser closes, and closing fails on serious or critical violations.
 */
export class AppBrowser {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
  ) {}

  static async launch(baseUrl: string): Promise<AppBrowser> {
    return new AppBrowser(await launchChromium(), baseUrl);
  }

  /** A fresh visitor: no session, no storage. */
  async newPage(viewport = WIDTHS.laptop): Promise<Page> {
    const context = await this.browser.newContext({
      viewport,
      baseURL: this.baseUrl,
      // Screenshots show finished charts, not their entry animations.
      reducedMotion: 'reduce',
      // axe-core is injected as a script, which the app's CSP would refuse.
      bypassCSP: true,
    });
    this.contexts.push(context);
    trackVisits(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  /** A page signed in through the sign-in form, on the dashboard. */
  async signedInPage(account: Account, viewport = WIDTHS.laptop): Promise<Page> {
    const page = await this.newPage(viewport);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    return page;
  }

  /** Checks the routes shown but not yet checked; answers those with violations. */
  auditUncheckedRoutes(): Promise<PageFinding[]> {
    return auditUncheckedRoutes(this.contexts);
  }

  async close(): Promise<void> {
    let findings: PageFinding[];
    try {
      findings = await this.auditUncheckedRoutes();
    } finally {
      for (const context of this.contexts) await context.close();
      await this.browser.close();
    }
    if (findings.length > 0) {
      throw new Error(
        `axe-core found serious or critical violations on pages the journey visited:\n` +
          JSON.stringify(findings, null, 2),
      );
    }
  }
}
