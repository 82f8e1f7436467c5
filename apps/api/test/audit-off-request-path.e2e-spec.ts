import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { firstValueFrom, of } from 'rxjs';
import { RequestFailure } from '../src/common/errors/request-failure';
import { AuditInterceptor } from '../src/modules/audit/http/audit.interceptor';
import { AuditedRequest, HttpAudit } from '../src/modules/audit/http/http-audit';
import { createTestApp, TestApp } from './support/test-app';

/** A POST of a transaction that notes which of its fields were read. */
function watchedRequest(): { request: AuditedRequest; read: Set<string> } {
  const read = new Set<string>();
  const fields: AuditedRequest = {
    method: 'POST',
    originalUrl: '/api/v1/transactions',
    path: '/api/v1/transactions',
    route: { path: '/api/v1/transactions' },
    params: {},
    body: { amountCents: 1250 },
    headers: { 'user-agent': 'watcher' },
    ip: '127.0.0.1',
  };
  const request = new Proxy(fields, {
    get(target, key, receiver) {
      read.add(String(key));
      return Reflect.get(target, key, receiver);
    },
  });
  return { request, read };
}

/** What only describing a request reads: its route, parameters, headers, address and body. */
const DESCRIBED_FIELDS = ['route', 'params', 'headers', 'ip', 'originalUrl', 'body'];
const describedFieldsIn = (read: Set<string>) =>
  DESCRIBED_FIELDS.filter((field) => read.has(field));

describe.each([
  ['on', 'true', DESCRIBED_FIELDS, false],
  ['off', 'false', [], true],
])('the action log %s: what a request costs it', (_state, enabled, described, untouched) => {
  let testApp: TestApp;
  let audit: HttpAudit;
  let interceptor: AuditInterceptor;

  beforeAll(async () => {
    testApp = await createTestApp({ AUDIT_LOGGING_ENABLED: enabled });
    audit = testApp.app.get(HttpAudit);
    interceptor = new AuditInterceptor(testApp.app.get(Reflector), audit);
  });
  afterAll(() => testApp.close());

  it('a successful write is described only when the log is on', async () => {
    const { request, read } = watchedRequest();
    const answered = of({ id: 'answer' });
    const context = new ExecutionContextHost([request, {}], undefined, () => undefined);
    context.setType('http');

    const handled = interceptor.intercept(context, { handle: () => answered });

    expect(await firstValueFrom(handled)).toEqual({ id: 'answer' });
    expect(describedFieldsIn(read)).toEqual(described);
    // Off, the answer goes through untouched: not even an operator is added.
    expect(handled === answered).toBe(untouched);
  });

  it('a failed request is described only when the log is on', async () => {
    const { request, read } = watchedRequest();

    await audit.recordFailure({
      request: request as unknown as RequestFailure['request'],
      status: 500,
      message: 'Something went wrong',
    });

    expect(describedFieldsIn(read)).toEqual(described);
  });
});
