import type { Response } from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

const upgradesRequests = (response: Response) =>
  String(response.headers['content-security-policy']).includes('upgrade-insecure-requests');
const pinsHttps = (response: Response) => 'strict-transport-security' in response.headers;

/**
 * `upgrade-insecure-requests` and HSTS make browsers use https for the app's own assets: served
 * over plain http (e.g. self-hosted at http://192.168.1.20:3000) the app would not load. They are
 * sent only when the deployment is on https: PUBLIC_URL says so, or a trusted proxy (TRUST_PROXY)
 * says the request came over https.
 */
describe('https-only security headers', () => {
  const apps: TestApp[] = [];
  const appWith = async (env: Record<string, string>) => {
    const testApp = await createTestApp(env);
    apps.push(testApp);
    return testApp;
  };
  afterAll(() => Promise.all(apps.map((testApp) => testApp.close())));

  it('are left out on plain http, whatever a client claims without a trusted proxy', async () => {
    const testApp = await appWith({ PUBLIC_URL: 'http://192.168.1.20:3000' });
    for (const headers of [{}, { 'X-Forwarded-Proto': 'https' }]) {
      const response = await testApp.http.get('/api/v1/health').set(headers).expect(200);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(upgradesRequests(response)).toBe(false);
      expect(pinsHttps(response)).toBe(false);
    }
  });

  it('are sent when PUBLIC_URL is an https address', async () => {
    const testApp = await appWith({ PUBLIC_URL: 'https://ledger.example.com' });
    const response = await testApp.http.get('/api/v1/health').expect(200);
    expect(upgradesRequests(response)).toBe(true);
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('are sent behind a trusted proxy for requests it received over https, and only those', async () => {
    const testApp = await appWith({ PUBLIC_URL: 'http://localhost:3000', TRUST_PROXY: 'loopback' });
    const overHttps = await testApp.http
      .get('/api/v1/health')
      .set('X-Forwarded-Proto', 'https')
      .expect(200);
    expect(upgradesRequests(overHttps)).toBe(true);
    expect(pinsHttps(overHttps)).toBe(true);

    const overHttp = await testApp.http
      .get('/api/v1/health')
      .set('X-Forwarded-Proto', 'http')
      .expect(200);
    expect(upgradesRequests(overHttp)).toBe(false);
    expect(pinsHttps(overHttp)).toBe(false);
  });

  it('are not sent for a proxy that is not the trusted one', async () => {
    const testApp = await appWith({ TRUST_PROXY: '10.0.0.0/8' });
    const response = await testApp.http
      .get('/api/v1/health')
      .set('X-Forwarded-Proto', 'https')
      .expect(200);
    expect(upgradesRequests(response)).toBe(false);
    expect(pinsHttps(response)).toBe(false);
  });
});
