import { OutgoingRequestError } from '../../../common/http-client/outgoing-http-client';
import { loadConfig } from '../../../config/app-config';
import {
  alertDestinations,
  deliverOverHttp,
  outcomeOfRequestFailure,
  outcomeOfResponse,
} from './http-delivery';

const response = (status: number, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: '',
});

describe('HTTP delivery outcomes', () => {
  it.each([200, 201, 202, 204, 299])('counts %d as sent', (status) => {
    expect(outcomeOfResponse(response(status))).toEqual({ status: 'sent', responseCode: status });
  });

  it.each([
    [408, false],
    [425, false],
    [429, false],
    [500, false],
    [504, false],
    [599, false],
    [300, true],
    [304, true],
    [400, true],
    [403, true],
    [404, true],
    [422, true],
  ])('classifies %d (permanent: %p)', (status, permanent) => {
    const outcome = outcomeOfResponse(response(status));
    expect(outcome.status).toBe('failed');
    expect(outcome.permanent === true).toBe(permanent);
    expect(outcome.gone).toBeUndefined();
  });

  it('takes Retry-After only from a retryable answer, and the receiver detail after the status', () => {
    expect(outcomeOfResponse(response(429, { 'retry-after': '30' })).retryAfterMs).toBe(30_000);
    expect(outcomeOfResponse(response(400, { 'retry-after': '30' })).retryAfterMs).toBeUndefined();
    expect(outcomeOfResponse(response(400), 'To is not a number').error).toBe(
      'HTTP 400 Bad Request: To is not a number',
    );
  });

  it.each([
    ['timed out', false],
    ['connection failed', false],
    ['response too large', false],
    ['invalid url', true],
    ['destination not allowed', true],
  ] as const)('classifies a request that %s (permanent: %p)', (reason, permanent) => {
    const outcome = outcomeOfRequestFailure(new OutgoingRequestError(reason));
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toEqual(expect.any(String));
    expect(outcome.permanent === true).toBe(permanent);
  });

  it('throws what is not a failed request: a bug is no delivery outcome', async () => {
    await expect(deliverOverHttp(() => Promise.reject(new TypeError('bug')))).rejects.toThrow(
      TypeError,
    );
  });

  it('opens private addresses only with ALERT_WEBHOOK_ALLOW_PRIVATE', () => {
    expect(alertDestinations(loadConfig({}))).toEqual({
      allowLoopback: false,
      allowPrivate: false,
    });
    expect(alertDestinations(loadConfig({ ALERT_WEBHOOK_ALLOW_PRIVATE: 'true' }))).toEqual({
      allowLoopback: false,
      allowPrivate: true,
    });
  });
});
