import { resetConnection, useConnection } from './connection-store';

beforeEach(resetConnection);

describe('connection store', () => {
  it('starts offline and records each transition with its reason', () => {
    const store = useConnection.getState();
    expect(useConnection.getState()).toMatchObject({ status: 'offline', lastError: null });

    store.connecting();
    expect(useConnection.getState()).toMatchObject({ status: 'connecting', lastError: null });
    store.online();
    expect(useConnection.getState()).toMatchObject({ status: 'online', lastError: null });
    store.connecting('The connection was lost');
    expect(useConnection.getState()).toMatchObject({
      status: 'connecting',
      lastError: 'The connection was lost',
    });
    store.refused('Access token expired');
    expect(useConnection.getState()).toMatchObject({
      status: 'refused',
      lastError: 'Access token expired',
    });
    store.online();
    expect(useConnection.getState().lastError).toBeNull();
  });
});
