import { openApiDocumentOf } from '../src/app/openapi-document';
import { createTestApp, TestApp } from './support/test-app';

describe('health and request pipeline', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('answers health without a token, with a database ping', async () => {
    const response = await testApp.http.get('/api/v1/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('adopts the trace ID of a valid traceparent and echoes it', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await testApp.http
      .get('/api/v1/health')
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .expect(200);
    expect(response.headers['x-trace-id']).toBe(traceId);
  });

  it('falls back to X-Trace-Id, and generates an ID for invalid headers', async () => {
    const fromHeader = await testApp.http.get('/api/v1/health').set('X-Trace-Id', 'my-trace.1');
    expect(fromHeader.headers['x-trace-id']).toBe('my-trace.1');

    const invalid = await testApp.http
      .get('/api/v1/health')
      .set('traceparent', `ff-${'a'.repeat(32)}-00f067aa0ba902b7-01`)
      .set('X-Trace-Id', 'not valid!');
    expect(invalid.headers['x-trace-id']).toMatch(/^[0-9a-f]{32}$/);

    const zeros = await testApp.http
      .get('/api/v1/health')
      .set('traceparent', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`);
    expect(zeros.headers['x-trace-id']).not.toBe('0'.repeat(32));
  });

  it('closes every other route by default, with the error shape and trace ID', async () => {
    const response = await testApp.http
      .get('/api/v1/transactions')
      .set('X-Trace-Id', 'closed-1')
      .expect(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing or invalid access token',
      traceId: 'closed-1',
    });
    expect(response.headers['x-trace-id']).toBe('closed-1');
  });

  it('answers malformed JSON with 400 in the same shape, trace ID included', async () => {
    const response = await testApp.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .set('X-Trace-Id', 'bad-json-1')
      .send('{"email": oops')
      .expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      details: { body: ['body must be valid JSON'] },
      traceId: 'bad-json-1',
    });
    expect(response.headers['x-trace-id']).toBe('bad-json-1');
  });

  it('answers unknown API routes with 404 in the same shape', async () => {
    const response = await testApp.http.get('/api/v1/nothing-here').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(response.body.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('serves the OpenAPI document with bearer auth and the finance routes', async () => {
    const response = await testApp.http.get('/api/docs-json').expect(200);
    expect(response.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/transactions',
        '/api/v1/budgets/{id}',
        '/api/v1/auth/login',
        '/api/v1/health',
        '/api/v1/logging/logs',
        '/api/v1/logging/logs/batch',
        '/api/v1/logging/logs/{id}/context',
        '/api/v1/logging/logs/statistics',
        '/api/v1/logging/logs/export',
        '/api/v1/logging/exceptions',
        '/api/v1/logging/exceptions/patterns',
        '/api/v1/logging/exceptions/test',
        '/api/v1/logging/exceptions/{id}',
        '/api/v1/logging/exceptions/{id}/resolve',
        '/api/v1/logging/exceptions/{id}/unresolve',
        '/api/v1/logging/exceptions/{id}/ignore',
      ]),
    );
    const batch = response.body.paths['/api/v1/logging/logs/batch'].post;
    // Anonymous (`{}`) or signed in (`bearer`): a token is optional on the log batch.
    expect(batch.security).toEqual(expect.arrayContaining([{}, { bearer: [] }]));
    expect(Object.keys(batch.responses)).toEqual(
      expect.arrayContaining(['200', '400', '413', '429']),
    );
  });

  it('exports, without a database, the same OpenAPI document it serves (the typed client is made from it)', async () => {
    const served = await testApp.http.get('/api/docs-json').expect(200);
    const exported = await openApiDocumentOf(testApp.config);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(served.body);
  });

  it('sets security headers (helmet) and refuses unknown CORS origins', async () => {
    const response = await testApp.http.get('/api/v1/health').set('Origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await testApp.http.get('/api/v1/health').set('Origin', 'http://localhost:4200');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:4200');
  });
});
