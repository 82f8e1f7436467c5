import { act, render, screen } from '@testing-library/react';
import { ConnectionIndicator } from './ConnectionIndicator';
import { resetConnection, useConnection } from './connection-store';

beforeEach(resetConnection);

describe('ConnectionIndicator', () => {
  it('says in words whether live updates are on, not only with a colour', () => {
    render(<ConnectionIndicator />);
    const indicator = screen.getByRole('status');

    act(() => useConnection.getState().connecting());
    expect(indicator).toHaveTextContent('Live updates: Connecting…');

    act(() => useConnection.getState().online());
    expect(indicator).toHaveTextContent('Live updates: Live');
    expect(indicator).toHaveClass('connection--online');

    act(() => useConnection.getState().connecting('The connection was lost'));
    expect(indicator).toHaveTextContent('Reconnecting…');
    expect(indicator).toHaveAttribute('title', expect.stringContaining('The connection was lost'));

    act(() => useConnection.getState().offline('This device is offline'));
    expect(indicator).toHaveTextContent('Offline');

    act(() => useConnection.getState().refused('Origin not allowed'));
    expect(indicator).toHaveTextContent('Offline');
    expect(indicator).toHaveAttribute(
      'title',
      'Live updates are off: the server refused the connection. (Origin not allowed)',
    );
  });
});
