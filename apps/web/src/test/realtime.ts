import { act } from '@testing-library/react';
import { connectRealtime } from '../features/realtime';
import { lastSocket, resetFakeSockets } from './fake-socket';

/**
 * Gives every test of the calling spec an open realtime connection: connected and accepted by
 * the fake server before each test, closed after it. The spec still mocks socket.io-client with
 * fake-socket itself, since jest.mock applies only to the file that calls it:
 *
 *   jest.mock('socket.io-client', () => (require('../../test/fake-socket') as typeof import('../../test/fake-socket')).socketIoModule);
 *   connectRealtimeForEachTest();
 */
export function connectRealtimeForEachTest(): void {
  let disconnect: () => void;
  beforeEach(() => {
    resetFakeSockets();
    disconnect = connectRealtime();
    lastSocket().accept();
  });
  afterEach(() => disconnect());
}

/** The server pushes an event, in the envelope the realtime gateway sends. */
export const pushRealtimeEvent = (type: string, payload: unknown, at: string) =>
  act(() => lastSocket().send(type, { type, payload, traceId: null, at }));
