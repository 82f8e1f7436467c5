import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { AppBrowser } from './support/app-browser';
import { type RunningApp, startApp } from './support/app';

const WEB_DIST = resolve(__dirname, '../../../dist/apps/web');
const DASHBOARD_SRC = 'src/features/dashboard/DashboardPage.tsx';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const manifest = (): Manifest =>
  JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Manifest;
const entryOf = (chunks: Manifest) =>
  Object.keys(chunks).find((key) => chunks[key]?.isEntry) as string;

/** The files a chunk needs before it runs: its own and its static imports', transitively. */
function staticFiles(chunks: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = chunks[key];
  if (chunk === undefined) throw new Error(`The manifest has no chunk ${key}`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) staticFiles(chunks, imported, into);
  return into;
}

/**
 * A first visit as it goes over the network: the built API serving the built SPA to Chromium.
 * Signed out, opening `/` shows sign-in without fetching the dashboard's code; and what is sent
 * goes out compressed, from the copies the build wrote beside each file.
 */
describe('a first visit', () => {
  let app: RunningApp;
  let browser: AppBrowser;

  beforeAll(async () => {
    app = await startApp();
    browser = await AppBrowser.launch(app.baseUrl);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('signed out, opening / downloads the sign-in page’s code only, not the dashboard’s', async () => {
    const chunks = manifest();
    const entry = entryOf(chunks);
    const dashboard = Object.values(chunks).find((chunk) => chunk.src === DASHBOARD_SRC);
    expect(dashboard).toBeDefined();

    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    const requested = scripts.map((path) => path.slice(1));
    expect(requested).not.toContain(dashboard?.file);
    // Nothing but the entry and what it imports statically: no page's lazy chunk at all.
    const needed = staticFiles(chunks, entry);
    expect(requested.filter((file) => !needed.has(file))).toEqual([]);
    expect(requested).toContain(chunks[entry]?.file);
  });

  it('gets every file compressed, each from the copy the build wrote beside it', async () => {
    const page = await browser.newPage();
    const encodings = new Map<string, string | null>();
    page.on('response', async (response) => {
      const { pathname } = new URL(response.url());
      if (!pathname.startsWith('/api/')) {
        encodings.set(pathname, await response.headerValue('content-encoding'));
      }
    });
    await page.goto('/sign-in', { waitUntil: 'networkidle' });

    const served = [...encodings.keys()].filter((path) => path !== '/favicon.svg');
    expect(served).toContain('/sign-in');
    // Chromium asks a trustworthy origin (here 127.0.0.1; https elsewhere) for brotli too.
    for (const path of served) expect([path, encodings.get(path)]).toEqual([path, 'br']);

    const chunks = manifest();
    const files = ['index.html', ...staticFiles(chunks, entryOf(chunks))];
    for (const file of files) {
      const original = readFileSync(join(WEB_DIST, file));
      expect(existsSync(join(WEB_DIST, `${file}.br`))).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(WEB_DIST, `${file}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(WEB_DIST, `${file}.gz`)))).toEqual(original);
    }
  });
});
