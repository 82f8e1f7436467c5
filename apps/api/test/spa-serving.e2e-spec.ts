import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createTestApp, TestApp } from './support/test-app';

const INDEX_HTML = '<!doctype html><title>Ledgerlens</title><div id="root"></div>';
const SCRIPT = `console.log(${JSON.stringify('app '.repeat(400))});`;
const SOURCE_MAP = '{"version":3,"sources":["../../src/main.tsx"],"sourcesContent":["secret"]}';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A file as the web build writes it: with its brotli and gzip copies beside it. */
function writeBuilt(path: string, content: string): void {
  writeFileSync(path, content);
  writeFileSync(`${path}.br`, brotliCompressSync(content));
  writeFileSync(`${path}.gz`, gzipSync(content));
}

/** A small stand-in of the web build (createTestApp serves no SPA unless given one). */
function fakeWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerlens-web-'));
  writeBuilt(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  mkdirSync(join(dir, 'assets'));
  writeBuilt(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-abc123.js.map'), SOURCE_MAP);
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
  return dir;
}

const varies = (header: unknown) =>
  String(header ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());

/**
 * The built SPA at `/`: client routes (deep links) get index.html so the SPA can route them; the
 * API, the socket.io endpoint and missing asset files do not. Files go out compressed as the
 * browser accepts (the build's own .br and .gz copies), hashed assets are cached for good and
 * index.html is checked every time, and source maps stay private.
 */
describe('serving the SPA', () => {
  let testApp: TestApp;
  let webDistDir: string;

  beforeAll(async () => {
    webDistDir = fakeWebBuild();
    testApp = await createTestApp({}, { webDistDir });
  });
  afterAll(async () => {
    await testApp?.close();
    rmSync(webDistDir, { recursive: true, force: true });
  });

  it.each(['/', '/transactions?from=2026-11-01', '/admin', '/sign-in?next=%2Fbudgets'])(
    'answers the client route %s with index.html, to be checked again on every visit',
    async (url) => {
      const response = await testApp.http.get(url).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toBe(INDEX_HTML);
    },
  );

  it('serves built assets as files, cached for a year: their names change with their content', async () => {
    const response = await testApp.http
      .get('/assets/index-abc123.js')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(varies(response.headers.vary)).toContain('accept-encoding');
    expect(response.text).toBe(SCRIPT);
  });

  it.each([
    ['br', 'gzip, deflate, br, zstd', 'br'],
    ['br', 'br;q=1.0, gzip;q=0.8', 'br'],
    ['gzip', 'gzip, deflate', 'gzip'],
    ['gzip', 'gzip, br;q=0', 'gzip'],
  ])(
    'sends the %s copy to a browser accepting "%s"',
    async (_name, acceptEncoding, contentEncoding) => {
      for (const [url, type, content] of [
        ['/assets/index-abc123.js', /javascript/, SCRIPT],
        ['/transactions', /^text\/html/, INDEX_HTML],
      ] as const) {
        const response = await testApp.http
          .get(url)
          .set('Accept-Encoding', acceptEncoding)
          .expect(200);
        expect(response.headers['content-encoding']).toBe(contentEncoding);
        expect(response.headers['content-type']).toMatch(type);
        expect(varies(response.headers.vary)).toContain('accept-encoding');
        // Decoded by the client as the header says: the right bytes under the right name.
        expect(response.text).toBe(content);
      }
    },
  );

  it('answers HEAD like GET, without a body', async () => {
    const response = await testApp.http
      .head('/assets/index-abc123.js')
      .set('Accept-Encoding', 'br')
      .expect(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('serves other files of the build, uncompressed when they have no copies, checked every time', async () => {
    const response = await testApp.http.get('/favicon.svg').expect(200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, not index.html (a stale page would run HTML as code)', async () => {
    const response = await testApp.http.get('/assets/index-old999.js').expect(404);
    expect(response.text).not.toContain('<div id="root">');
  });

  it.each([
    '/assets/index-abc123.js.map',
    '/assets/index-abc123.js.br',
    '/assets/index-abc123.js.gz',
  ])('keeps %s to itself: source maps hold the source, copies are served by name', async (url) => {
    const response = await testApp.http.get(url).expect(404);
    expect(response.text).not.toContain('sourcesContent');
    expect(response.text).not.toContain('<div id="root">');
  });

  it('keeps the build manifest to itself', async () => {
    const response = await testApp.http.get('/.vite/manifest.json');
    expect(response.headers['content-type']).not.toMatch(/json/);
  });

  it('leaves the API alone: an unknown API route is a JSON 404', async () => {
    const response = await testApp.http.get('/api/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await testApp.http.get('/api/v1/health').expect(200);
  });

  it('leaves the Prometheus scrape endpoint alone', async () => {
    const response = await testApp.http.get('/metrics').expect(200);
    expect(response.text).not.toContain('<div id="root">');
  });

  it.each(['/socket.io/?EIO=4&transport=polling', '/socket.io'])(
    'leaves the socket.io endpoint alone: %s',
    async (url) => {
      const response = await testApp.http.get(url);
      expect(response.text).not.toContain('<div id="root">');
    },
  );
});

describe('serving the SPA with WEB_SOURCE_MAPS=true (debugging a build)', () => {
  let testApp: TestApp;
  let webDistDir: string;

  beforeAll(async () => {
    webDistDir = fakeWebBuild();
    testApp = await createTestApp({ WEB_SOURCE_MAPS: 'true' }, { webDistDir });
  });
  afterAll(async () => {
    await testApp?.close();
    rmSync(webDistDir, { recursive: true, force: true });
  });

  it('serves the source maps', async () => {
    const response = await testApp.http.get('/assets/index-abc123.js.map').expect(200);
    expect(response.text).toBe(SOURCE_MAP);
  });
});
