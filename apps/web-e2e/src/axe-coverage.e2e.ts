import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppBrowser } from './support/app-browser';
import { routeOf, seriousViolations } from './support/axe';

/** A page of its own: a landmark, a title, and whatever `body` adds. */
const page = (title: string, body = '') =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;

/** Two pages axe-core is happy with, one it is not (a focusable button hidden from readers). */
const PAGES: Record<string, string> = {
  '/fine': page(
    'Fine',
    // A client-side navigation, as the SPA makes them.
    `<button type="button" onclick="history.pushState({}, '', '/fine/42')">Next</button>`,
  ),
  '/fine/42': page('Fine too'),
  '/flawed': page('Flawed', '<div aria-hidden="true"><button type="button">Hidden</button></div>'),
};

describe('the browser journeys check every page they show with axe-core', () => {
  let server: Server;
  let browser: AppBrowser;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const body = PAGES[request.url ?? ''];
      response.writeHead(body ? 200 : 404, { 'content-type': 'text/html' });
      response.end(body ?? page('Not found'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    browser = await AppBrowser.launch(`http://127.0.0.1:${port}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('counts an ID in a path as one route', () => {
    expect(routeOf('http://app/admin/exceptions/4f1c2b9a0d3e5f67?x=1')).toBe(
      '/admin/exceptions/:id',
    );
    expect(routeOf('http://app/transactions/123e4567-e89b-12d3-a456-426614174000')).toBe(
      '/transactions/:id',
    );
    expect(routeOf('about:blank')).toBeNull();
  });

  it('finds the violation of a page the journey showed but did not check', async () => {
    const tab = await browser.newPage();
    await tab.goto('/fine');
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.getByRole('button', { name: 'Next' }).click();
    await tab.waitForURL('**/fine/42');
    await tab.goto('/flawed');

    const findings = await browser.auditUncheckedRoutes();

    // `/fine` was checked by the journey; `/fine/42` (reached client-side) and `/flawed` were not.
    expect(findings.map(({ url }) => new URL(url).pathname)).toEqual(['/flawed']);
    expect(findings[0]?.violations.map(({ id }) => id)).toContain('aria-hidden-focus');
    // Checked once: closing the browser does not report it again.
    expect(await browser.auditUncheckedRoutes()).toEqual([]);
  }, 60_000);
});
