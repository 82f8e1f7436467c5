import { act } from '@testing-library/react';
import { apiError, fakeApi, json } from '../../test/fake-api';
import { aSession, aUser } from '../../test/factories/session';
import { lastSocket, openedSockets, resetFakeSockets } from '../../test/fake-socket';
import { useSession } from '../session';
import {
  COMMAND_TIMEOUT_MS,
  connectRealtime,
  disconnectRealtime,
  holdRealtimeSubscription,
  RETRY_DELAY_MS,
  sendRealtimeCommand,
} from './connect-realtime';
import { resetConnection, useConnection } from './connection-store';
import { type RealtimeEnvelope, subscribeRealtime } from './realtime-events';

jest.mock(
  'socket.io-client',
  () =>
    (require('../../test/fake-socket') as typeof import('../../test/fake-socket')).socketIoModule,
);

const user = aUser();
const connection = () => useConnection.getState();
/** Lets promise callbacks (a refresh) run. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

let disconnect: () => void;

beforeEach(() => {
  resetFakeSockets();
  resetConnection();
  useSession
    .getState()
    .signedIn(aSession({ accessToken: 'access-1', refreshToken: 'refresh-1', user }));
});
afterEach(() => {
  disconnect?.();
  setOnline(true);
});

describe('connectRealtime', () => {
  it('opens one socket on the same origin at /socket.io, websocket first, and is connecting', () => {
    disconnect = connectRealtime();
    expect(openedSockets()).toHaveLength(1);
    expect(lastSocket().options).toMatchObject({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
    });
    expect(lastSocket().connectCalls).toBe(1);
    expect(connection()).toMatchObject({ status: 'connecting', lastError: null });
  });

  it('hands the current access token to every handshake, so reconnections use a refreshed one', async () => {
    disconnect = connectRealtime();
    await expect(lastSocket().handshakeAuth()).resolves.toEqual({ token: 'access-1' });
    useSession.getState().signedIn(aSession({ accessToken: 'access-2', user }));
    await expect(lastSocket().handshakeAuth()).resolves.toEqual({ token: 'access-2' });
  });

  it('is online once the server accepts, reconnecting after a loss, and online again', () => {
    disconnect = connectRealtime();
    lastSocket().accept();
    expect(connection()).toEqual(expect.objectContaining({ status: 'online', lastError: null }));

    lastSocket().drop('ping timeout');
    expect(connection()).toMatchObject({
      status: 'connecting',
      lastError: 'The connection was lost',
    });
    lastSocket().failTransport('websocket error');
    lastSocket().reconnectAttempt();
    expect(connection()).toMatchObject({ status: 'connecting', lastError: 'websocket error' });

    lastSocket().accept();
    expect(connection()).toMatchObject({ status: 'online', lastError: null });
  });

  it('is offline while the browser has no network, and back when it returns', () => {
    disconnect = connectRealtime();
    lastSocket().accept();
    setOnline(false);
    expect(connection()).toMatchObject({ status: 'offline', lastError: 'This device is offline' });
    setOnline(true);
    expect(connection().status).toBe('online');
  });

  it('answers a handshake refused for an expired token with a refresh, then reconnects', async () => {
    const network = fakeApi({
      'POST /api/v1/auth/refresh': json(aSession({ accessToken: 'access-2', user })),
    });
    disconnect = connectRealtime();
    lastSocket().refuse('Access token expired', 'unauthorized');
    expect(connection()).toMatchObject({ status: 'connecting', lastError: 'Access token expired' });
    await settle();

    expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(lastSocket().connectCalls).toBe(2);
    await expect(lastSocket().handshakeAuth()).resolves.toEqual({ token: 'access-2' });
    lastSocket().accept();
    expect(connection().status).toBe('online');
  });

  it('refreshes for a revoked token too (the message alone says so)', async () => {
    const network = fakeApi({ 'POST /api/v1/auth/refresh': json(aSession({ user })) });
    disconnect = connectRealtime();
    lastSocket().refuse('Access token has been revoked');
    await settle();
    expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(lastSocket().connectCalls).toBe(2);
  });

  it('gives up (refused) when the new token is refused as well, instead of refreshing forever', async () => {
    const network = fakeApi({ 'POST /api/v1/auth/refresh': json(aSession({ user })) });
    disconnect = connectRealtime();
    lastSocket().refuse('Access token expired');
    await settle();
    lastSocket().refuse('Access token expired');
    await settle();
    expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(connection()).toMatchObject({ status: 'refused', lastError: 'Access token expired' });
  });

  it('ends the session, without reconnecting, when the refresh is refused', async () => {
    fakeApi({ 'POST /api/v1/auth/refresh': apiError(401, 'Refresh token reused') });
    disconnect = connectRealtime();
    lastSocket().refuse('Access token expired');
    await settle();
    expect(useSession.getState()).toMatchObject({ user: null, ended: 'expired' });
    expect(lastSocket().connectCalls).toBe(1);
  });

  it('says why live updates stopped when the session could not be renewed (API unreachable)', async () => {
    fakeApi({
      'POST /api/v1/auth/refresh': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    disconnect = connectRealtime();
    lastSocket().refuse('Access token expired');
    await settle();
    expect(connection()).toMatchObject({
      status: 'connecting',
      lastError:
        'The session could not be renewed: The server could not be reached. Check your connection.',
    });
  });

  it('renews the token when the server closes the socket on purpose', async () => {
    const network = fakeApi({ 'POST /api/v1/auth/refresh': json(aSession({ user })) });
    disconnect = connectRealtime();
    lastSocket().accept();
    lastSocket().kick();
    await settle();
    expect(network.requestsTo('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(lastSocket().connectCalls).toBe(2);
  });

  it('is refused, without a refresh, for other reasons', () => {
    const network = fakeApi({});
    disconnect = connectRealtime();
    lastSocket().refuse('Origin not allowed');
    expect(connection()).toMatchObject({ status: 'refused', lastError: 'Origin not allowed' });
    expect(network.requests).toHaveLength(0);
  });

  it('asks again later when the server cannot check tokens right now', () => {
    jest.useFakeTimers();
    try {
      disconnect = connectRealtime();
      lastSocket().refuse('Token checks are unavailable', 'unavailable');
      expect(connection().status).toBe('connecting');
      jest.advanceTimersByTime(RETRY_DELAY_MS);
      expect(lastSocket().connectCalls).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('forwards every server event, by its envelope type, to the realtime bus', () => {
    const received: RealtimeEnvelope[] = [];
    const stop = subscribeRealtime('transaction.created', (envelope) => received.push(envelope));
    disconnect = connectRealtime();
    const envelope = {
      type: 'transaction.created',
      payload: { transactionId: 't-1', categoryId: null, occurredOn: '2026-11-21' },
      traceId: 'a'.repeat(32),
      at: '2026-11-21T10:00:00.000Z',
    };
    lastSocket().send('transaction.created', envelope);
    lastSocket().send('budget.updated', { ...envelope, type: 'budget.updated' });
    stop();
    expect(received).toEqual([envelope]);
  });

  it('ignores, with a warning, an event without an envelope', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const received: RealtimeEnvelope[] = [];
    const stop = subscribeRealtime('transaction.created', (envelope) => received.push(envelope));
    disconnect = connectRealtime();
    lastSocket().send('transaction.created', 'not an envelope');
    stop();
    expect(received).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("'transaction.created'"));
    warn.mockRestore();
  });

  it('keeps one socket: connecting again closes the earlier one, and it can be closed from outside', () => {
    connectRealtime();
    const first = lastSocket();
    first.accept();
    disconnect = connectRealtime();
    expect(first.active).toBe(false);
    lastSocket().accept();
    disconnectRealtime();
    expect(lastSocket().active).toBe(false);
    expect(connection().status).toBe('offline');
  });

  it('disconnects when stopped, and reports offline', () => {
    disconnect = connectRealtime();
    const socket = lastSocket();
    socket.accept();
    disconnect();
    expect(socket.connected).toBe(false);
    expect(socket.active).toBe(false);
    expect(connection()).toMatchObject({ status: 'offline', lastError: null });
  });
});

describe('realtime commands', () => {
  const sent = () => lastSocket().commands.map(({ event, args }) => ({ event, args }));

  it('sends a command with its payload on the open socket and resolves with the answer', async () => {
    disconnect = connectRealtime();
    lastSocket().accept();
    lastSocket().answerCommands = () => ({
      ok: false,
      error: { code: 'invalid', message: 'The filter is not valid', details: { source: ['no'] } },
    });
    await expect(sendRealtimeCommand('logs.subscribe', { minLevel: 'warn' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid', message: 'The filter is not valid', details: { source: ['no'] } },
    });
    expect(lastSocket().commands).toEqual([
      { event: 'logs.subscribe', args: [{ minLevel: 'warn' }], timeoutMs: COMMAND_TIMEOUT_MS },
    ]);
  });

  it('answers failed, sending nothing, while not connected', async () => {
    await expect(sendRealtimeCommand('audit.subscribe')).resolves.toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('not connected') as unknown },
    });
    disconnect = connectRealtime();
    await expect(sendRealtimeCommand('audit.subscribe')).resolves.toMatchObject({ ok: false });
    expect(lastSocket().commands).toEqual([]);
  });

  it('answers failed when the server does not acknowledge in time', async () => {
    disconnect = connectRealtime();
    lastSocket().accept();
    lastSocket().answerCommands = () => Promise.reject(new Error('operation has timed out'));
    await expect(sendRealtimeCommand('logs.unsubscribe')).resolves.toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'The server did not answer logs.unsubscribe in time; try again',
      },
    });
  });

  it('sends a held subscription now, again after every reconnection, and releases it once', async () => {
    const answers: unknown[] = [];
    disconnect = connectRealtime();
    lastSocket().accept();
    const release = holdRealtimeSubscription({
      name: 'logs.subscribe',
      args: [{ source: 'frontend' }],
      release: 'logs.unsubscribe',
      onAnswer: (answer) => answers.push(answer),
    });
    await settle();
    expect(sent()).toEqual([{ event: 'logs.subscribe', args: [{ source: 'frontend' }] }]);
    expect(answers).toEqual([{ ok: true }]);

    // The server forgot the subscription with the lost connection: the new one asks again.
    lastSocket().drop();
    lastSocket().accept();
    await settle();
    expect(sent()).toHaveLength(2);
    expect(sent()[1]).toEqual({ event: 'logs.subscribe', args: [{ source: 'frontend' }] });
    expect(answers).toHaveLength(2);

    release();
    release();
    lastSocket().drop();
    lastSocket().accept();
    await settle();
    expect(sent().map(({ event }) => event)).toEqual([
      'logs.subscribe',
      'logs.subscribe',
      'logs.unsubscribe',
    ]);
  });

  it('sends a subscription held before the connection once it opens, and drops late answers', async () => {
    const answers: unknown[] = [];
    disconnect = connectRealtime();
    const release = holdRealtimeSubscription({
      name: 'audit.subscribe',
      args: [],
      release: 'audit.unsubscribe',
      onAnswer: (answer) => answers.push(answer),
    });
    expect(sent()).toEqual([]);
    lastSocket().accept();
    expect(sent()).toEqual([{ event: 'audit.subscribe', args: [] }]);
    // Released before the answer arrives: the caller hears nothing more.
    release();
    await settle();
    expect(answers).toEqual([]);
    expect(sent().at(-1)).toEqual({ event: 'audit.unsubscribe', args: [] });
  });
});
