import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from './support/test-app';

const INDEX_HTML = '<!doctype html><title>Ledgerlens</title><div id="root"></div>';

/**
 * The built SPA at `/`: client routes (deep links) get index.html so the SPA can route them; the
 * API, the socket.io endpoint and missing asset files do not. (createTestApp serves no SPA, so
 * this suite gives it a small stand-in of the web build.)
 */
describe('serving the SPA', () => {
  let testApp: TestApp;
  let webDistDir: string;

  beforeAll(async () => {
    webDistDir = mkdtempSync(join(tmpdir(), 'ledgerlens-web-'));
    writeFileSync(join(webDistDir, 'index.html'), INDEX_HTML);
    mkdirSync(join(webDistDir, 'assets'));
    writeFileSync(join(webDistDir, 'assets', 'index-abc123.js'), 'console.log("app");');
    testApp = await createTestApp({}, { webDistDir });
  });
  afterAll(async () => {
    await testApp?.close();
    rmSync(webDistDir, { recursive: true, force: true });
  });

  it.each(['/', '/transactions?from=2026-11-01', '/admin', '/sign-in?next=%2Fbudgets'])(
    'answers the client route %s with index.html',
    async (url) => {
      const response = await testApp.http.get(url).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toBe(INDEX_HTML);
    },
  );

  it('serves built assets as files', async () => {
    const response = await testApp.http.get('/assets/index-abc123.js').expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.text).toBe('console.log("app");');
  });

  it('answers a missing asset with 404, not index.html (a stale page would run HTML as code)', async () => {
    const response = await testApp.http.get('/assets/index-old999.js').expect(404);
    expect(response.text).not.toContain('<div id="root">');
  });

  it('leaves the API alone: an unknown API route is a JSON 404', async () => {
    const response = await testApp.http.get('/api/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await testApp.http.get('/api/v1/health').expect(200);
  });

  it.each(['/socket.io/?EIO=4&transport=polling', '/socket.io'])(
    'leaves the socket.io endpoint alone: %s',
    async (url) => {
      const response = await testApp.http.get(url);
      expect(response.text).not.toContain('<div id="root">');
    },
  );
});
