import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Webhook } from 'standardwebhooks';
import { RequestContext, RequestContextStore } from '../../../common/context/request-context';
import { FLAG_SAMPLED, TraceContext } from '../../../common/context/trace-context';
import { OutgoingHttpClient } from '../../../common/http-client/outgoing-http-client';
import { loadConfig } from '../../../config/app-config';
import type { AlertmanagerPayload } from './alertmanager-payload';
import type { ContactPoint } from './contact-point';
import { newWebhookSecret } from './standard-webhooks';
import { alertmanagerV4Problems } from './testing/alertmanager-v4-schema';
import { firingMessage, resolvedMessage } from './testing/alert-messages';
import { answer, LocalReceiver, startLocalReceiver } from './testing/local-receiver';
import { WebhookSender } from './webhook.sender';

type WebhookPoint = Extract<ContactPoint, { type: 'webhook' }>;

const TRACE: TraceContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  parentId: '00f067aa0ba902b7',
  spanId: '1111111111111111',
  flags: FLAG_SAMPLED,
  tracestate: [],
};

describe('WebhookSender', () => {
  const cls = new ClsService<RequestContextStore>(new AsyncLocalStorage());
  const client = new OutgoingHttpClient(new RequestContext(cls));
  const sender = new WebhookSender(client, loadConfig({ ALERT_WEBHOOK_ALLOW_PRIVATE: 'true' }));
  let receiver: LocalReceiver;
  let point: WebhookPoint;

  beforeAll(async () => {
    receiver = await startLocalReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.answerWith(answer(200, {}, 'ok'));
    point = {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      name: 'On-call hook',
      type: 'webhook',
      settings: { url: `${receiver.url}/alerts?token=abc` },
      secret: newWebhookSecret(),
    };
  });

  const send = (deliveryId = 'a1b2c3d4-0000-4000-8000-00000000000a', attempt = 1) =>
    sender.send(point, sender.recipientsOf(point)[0], firingMessage(), { deliveryId, attempt });

  it('posts a signed Alertmanager body that a Standard Webhooks receiver verifies', async () => {
    const outcome = await cls.runWith({ traceContext: TRACE }, () => send());
    expect(outcome).toEqual({ status: 'sent', responseCode: 200 });

    const request = receiver.last();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/alerts?token=abc');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe('Ledgerlens-Alerting');
    expect(request.headers['webhook-id']).toBe('a1b2c3d4-0000-4000-8000-00000000000a');
    expect(Number(request.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -2);
    expect(request.headers['traceparent']).toMatch(
      /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/,
    );

    const verified = new Webhook(point.secret as string).verify(
      request.body,
      request.headers as Record<string, string>,
    ) as AlertmanagerPayload;
    expect(alertmanagerV4Problems(verified)).toEqual([]);
    expect(verified).toMatchObject({
      version: '4',
      status: 'firing',
      receiver: 'On-call hook',
      groupKey: firingMessage().groupKey,
    });
    expect(verified.alerts.map((alert) => alert.labels.route)).toEqual([
      '/api/v1/transactions',
      '/api/v1/budgets',
    ]);
  });

  it('keeps the webhook-id across retries of one delivery, each attempt signed', async () => {
    await send('delivery-7', 1);
    await send('delivery-7', 2);
    const [first, second] = receiver.received.slice(-2);
    expect(first.headers['webhook-id']).toBe('delivery-7');
    expect(second.headers['webhook-id']).toBe('delivery-7');
    for (const request of [first, second]) {
      expect(() =>
        new Webhook(point.secret as string).verify(
          request.body,
          request.headers as Record<string, string>,
        ),
      ).not.toThrow();
    }
  });

  it('sends a resolved body when the group resolved', async () => {
    await sender.send(point, point.settings.url, resolvedMessage(), {
      deliveryId: 'd-resolved',
      attempt: 1,
    });
    const body = JSON.parse(receiver.last().body) as AlertmanagerPayload;
    expect(body.status).toBe('resolved');
    expect(body.alerts.every((alert) => alert.status === 'resolved')).toBe(true);
  });

  it('sends without a signature when the contact point has no secret', async () => {
    point = { ...point, secret: null };
    expect(await send()).toMatchObject({ status: 'sent' });
    expect(receiver.last().headers['webhook-signature']).toBeUndefined();
    expect(receiver.last().headers['webhook-id']).toBeDefined();
  });

  it('fails for good, without calling, when the secret is not a whsec_ secret', async () => {
    const before = receiver.received.length;
    point = { ...point, secret: 'hunter2' };
    const outcome = await send();
    expect(outcome).toMatchObject({ status: 'failed', permanent: true });
    expect(outcome.error).not.toContain('hunter2');
    expect(receiver.received).toHaveLength(before);
  });

  it('reports 410 Gone so the contact point can be disabled', async () => {
    receiver.answerWith(answer(410));
    expect(await send()).toEqual({
      status: 'failed',
      responseCode: 410,
      error: 'HTTP 410 Gone',
      permanent: true,
      gone: true,
    });
  });

  it('retries a 503 after the Retry-After the receiver asked for', async () => {
    receiver.answerWith(answer(503, { 'Retry-After': '7' }));
    const outcome = await send();
    expect(outcome).toEqual({
      status: 'failed',
      responseCode: 503,
      error: 'HTTP 503 Service Unavailable',
      retryAfterMs: 7000,
    });
    expect(outcome.permanent).toBeUndefined();
  });

  it.each([408, 425, 429, 500, 502])('retries a %d', async (status) => {
    receiver.answerWith(answer(status));
    const outcome = await send();
    expect(outcome).toMatchObject({ status: 'failed', responseCode: status });
    expect(outcome.permanent).toBeUndefined();
    expect(outcome.retryAfterMs).toBeUndefined();
  });

  it.each([400, 401, 404, 301])('gives up on a %d', async (status) => {
    receiver.answerWith(answer(status, status === 301 ? { Location: 'http://10.0.0.1/' } : {}));
    expect(await send()).toMatchObject({ status: 'failed', responseCode: status, permanent: true });
  });

  it('retries when nobody answers, naming neither the URL nor its credentials', async () => {
    point = { ...point, settings: { url: 'http://alice:s3cret@127.0.0.1:1/hook' } };
    const outcome = await send();
    expect(outcome).toEqual({ status: 'failed', error: 'Could not connect' });
    expect(JSON.stringify(outcome)).not.toMatch(/s3cret|alice|whsec_/);
  });

  it('fails for good on a URL that is not http(s)', async () => {
    point = { ...point, settings: { url: 'ftp://127.0.0.1/hook' } };
    expect(await send()).toMatchObject({ status: 'failed', permanent: true });
  });

  it('does not call a loopback URL unless ALERT_WEBHOOK_ALLOW_PRIVATE is on', async () => {
    const strict = new WebhookSender(client, loadConfig({ ALERT_WEBHOOK_ALLOW_PRIVATE: 'false' }));
    const before = receiver.received.length;
    for (const url of [`${receiver.url}/alerts`, `http://localhost:${receiver.port}/alerts`]) {
      const outcome = await strict.send({ ...point, settings: { url } }, url, firingMessage(), {
        deliveryId: 'd-strict',
        attempt: 1,
      });
      expect(outcome).toMatchObject({ status: 'failed', permanent: true });
      expect(outcome.error).toMatch(/private or local address/);
    }
    expect(receiver.received).toHaveLength(before);
  });
});
