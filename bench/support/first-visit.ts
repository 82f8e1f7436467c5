import type { Browser, Page } from 'playwright-core';

/** What one request of a visit cost on the wire. */
export interface Transfer {
  path: string;
  type: string;
  /** `Content-Encoding` of the answer; `identity` when none. */
  encoding: string;
  /** Bytes received for it (headers and body as sent), CDP's `encodedDataLength`. */
  wireBytes: number;
}

export interface VisitTotals {
  requests: number;
  wireBytes: number;
}

export interface Visit {
  /** Where the visit ended. */
  landedOn: string;
  /** The SPA's own files: document, scripts, styles, icons. */
  appFiles: VisitTotals;
  /** Calls to the API (`/api/`) and the realtime endpoint (`/socket.io/`). */
  api: VisitTotals;
  total: VisitTotals;
  transfers: Transfer[];
}

export interface VisitPlan {
  baseUrl: string;
  /** The `Accept-Encoding` the browser sends. */
  acceptEncoding: string;
  /** A refresh token stored as the SPA keeps one, so the visit restores that session. */
  refreshToken?: string;
  /** Resolves once the page shows what the visit came for. */
  shown(page: Page): Promise<unknown>;
}

const REFRESH_TOKEN_KEY = 'ledgerlens.refreshToken';
/** The network counts as settled after this long without a request in flight. */
const QUIET_MS = 1000;

const totalsOf = (transfers: Transfer[]): VisitTotals => ({
  requests: transfers.length,
  wireBytes: transfers.reduce((sum, { wireBytes }) => sum + wireBytes, 0),
});

/**
 * A first visit to `/` in a fresh browser context (empty cache), recorded through the DevTools
 * protocol: each answer's encoding and the bytes it took on the wire, until the page shows what it
 * came for and the network has been quiet for a second.
 */
export async function firstVisit(browser: Browser, plan: VisitPlan): Promise<Visit> {
  const context = await browser.newContext({
    baseURL: plan.baseUrl,
    storageState: {
      cookies: [],
      origins: plan.refreshToken
        ? [
            {
              origin: plan.baseUrl,
              localStorage: [{ name: REFRESH_TOKEN_KEY, value: plan.refreshToken }],
            },
          ]
        : [],
    },
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const pending = new Map<string, { path: string; type: string; encoding: string }>();
    const transfers: Transfer[] = [];
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', () => (lastActivity = Date.now()));
    cdp.on('Network.responseReceived', ({ requestId, response, type }) => {
      const headers = Object.fromEntries(
        Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]),
      );
      pending.set(requestId, {
        path: new URL(response.url).pathname,
        type: type ?? 'Other',
        encoding: headers['content-encoding'] ?? 'identity',
      });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      lastActivity = Date.now();
      const seen = pending.get(requestId);
      if (seen) transfers.push({ ...seen, wireBytes: encodedDataLength });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setExtraHTTPHeaders', {
      headers: { 'Accept-Encoding': plan.acceptEncoding },
    });

    await page.goto('/');
    await plan.shown(page);
    while (Date.now() - lastActivity < QUIET_MS) {
      await page.waitForTimeout(QUIET_MS - (Date.now() - lastActivity));
    }
    const isApi = ({ path }: Transfer) =>
      path.startsWith('/api/') || path.startsWith('/socket.io/');
    return {
      landedOn: new URL(page.url()).pathname,
      appFiles: totalsOf(transfers.filter((transfer) => !isApi(transfer))),
      api: totalsOf(transfers.filter(isApi)),
      total: totalsOf(transfers),
      transfers,
    };
  } finally {
    await context.close();
  }
}
