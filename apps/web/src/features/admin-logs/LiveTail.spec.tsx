import type { LogLinePayload } from '@ledgerlens/contracts';
import { act, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, json } from '../../test/fake-api';
import { lastSocket } from '../../test/fake-socket';
import { connectRealtimeForEachTest, pushRealtimeEvent } from '../../test/realtime';
import { renderPage } from '../../test/render';
import { LogsPage } from './LogsPage';
import { aLogPage } from './test/log-factories';
import { defined } from '../../test/defined';

jest.mock(
  'socket.io-client',
  () =>
    (require('../../test/fake-socket') as typeof import('../../test/fake-socket')).socketIoModule,
);

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

const aLivePayload = (message: string, overrides: Partial<LogLinePayload> = {}) => ({
  timestamp: '2026-11-21T10:15:30.123456Z',
  level: 'info',
  source: 'backend',
  module: 'http',
  message,
  traceId: null,
  userId: null,
  requestMethod: 'GET',
  requestPath: '/api/v1/budgets',
  statusCode: 200,
  durationMs: 12,
  extra: {},
  ...overrides,
});

/** The server pushes an envelope, as the realtime gateway does. */
const push = (type: 'log.created' | 'log.skipped', payload: unknown) =>
  pushRealtimeEvent(type, payload, '2026-11-21T10:15:31.000Z');
const pushLine = (message: string, overrides: Partial<LogLinePayload> = {}) =>
  push('log.created', aLivePayload(message, overrides));

const commands = () => lastSocket().commands.map(({ event, args }) => ({ event, args }));
const liveLines = () =>
  within(screen.getByRole('list', { name: 'Live lines, newest first' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
const liveSection = () => screen.getByRole('region', { name: 'Live tail' });

async function showWithLiveTail(url = '/admin/logs') {
  fakeApi({ 'GET /api/v1/logging/logs': json(aLogPage([])) });
  const page = renderPage(<LogsPage />, { url, path: '/admin/logs' });
  await page.user.click(screen.getByRole('checkbox', { name: 'Live tail' }));
  await waitFor(() => expect(within(liveSection()).getByRole('status')).toHaveTextContent(/^Live/));
  return page;
}

connectRealtimeForEachTest();

describe('LogsPage live tail', () => {
  it('subscribes with the filters the server applies, and applies the others itself', async () => {
    await showWithLiveTail(
      '/admin/logs?source=backend&minLevel=warn&module=http&q=timeout&range=1h',
    );
    expect(commands()).toEqual([
      { event: 'logs.subscribe', args: [{ source: 'backend', minLevel: 'warn', module: 'http' }] },
    ]);
    expect(liveSection()).toHaveTextContent('the time range does not apply');
    expect(liveSection()).toHaveTextContent('text filters are applied in this browser');

    pushLine('Upstream timeout after 30 s', { level: 'error' });
    pushLine('Upstream refused', { level: 'error' });
    expect(liveLines()).toEqual([expect.stringContaining('Upstream timeout after 30 s')]);
  });

  it('shows arriving lines on top, with time, level in words, source and module', async () => {
    await showWithLiveTail();
    expect(liveSection()).toHaveTextContent('No new lines yet');
    pushLine('first');
    pushLine('second', { level: 'warn', source: 'frontend', module: 'BudgetsPage' });
    const [top, below] = liveLines();
    expect(top).toContain('second');
    expect(top).toContain('WARN');
    expect(top).toContain('Browser · BudgetsPage');
    expect(below).toContain('first');
    expect(liveSection()).toHaveTextContent('2 lines shown');
  });

  it('holds lines while paused, counting them, and shows them in order on resume', async () => {
    const { user } = await showWithLiveTail();
    pushLine('before the pause');
    await user.click(within(liveSection()).getByRole('button', { name: 'Pause' }));
    pushLine('held one');
    push('log.skipped', { count: 3 });
    pushLine('held two');

    expect(liveLines()).toEqual([expect.stringContaining('before the pause')]);
    expect(within(liveSection()).getByRole('status')).toHaveTextContent(
      'Paused: 2 new lines, 3 lines skipped',
    );

    await user.click(within(liveSection()).getByRole('button', { name: 'Resume' }));
    expect(liveLines()).toEqual([
      expect.stringContaining('held two'),
      expect.stringContaining('3 lines skipped'),
      expect.stringContaining('held one'),
      expect.stringContaining('before the pause'),
    ]);
    expect(within(liveSection()).getByRole('status')).toHaveTextContent(/^Live/);
  });

  it('marks where the server skipped lines for its rate limit', async () => {
    await showWithLiveTail();
    pushLine('a line');
    push('log.skipped', { count: 1200 });
    pushLine('the next line');
    expect(liveLines()[1]).toMatch(/1,200 lines skipped.*at most 50 lines a second/);
  });

  it('unsubscribes when switched off, and leaves the list in place', async () => {
    const { user } = await showWithLiveTail();
    await user.click(screen.getByRole('checkbox', { name: 'Live tail' }));
    await waitFor(() => expect(commands().at(-1)?.event).toBe('logs.unsubscribe'));
    expect(screen.queryByRole('region', { name: 'Live tail' })).not.toBeInTheDocument();
    expect(screen.getByText('No log lines stored yet')).toBeInTheDocument();
  });

  it('unsubscribes when leaving the page', async () => {
    const { unmount } = await showWithLiveTail();
    unmount();
    await waitFor(() => expect(commands().at(-1)?.event).toBe('logs.unsubscribe'));
  });

  it('subscribes again, starting empty, when the filters change (a line’s trace)', async () => {
    const { user, router } = await showWithLiveTail('/admin/logs?source=backend');
    pushLine('with a trace', { traceId: TRACE });
    await user.click(screen.getByRole('button', { name: `Show trace ${TRACE}` }));

    expect(new URLSearchParams(router.state.location.search).get('traceId')).toBe(TRACE);
    await waitFor(() =>
      expect(commands()).toEqual([
        { event: 'logs.subscribe', args: [{ source: 'backend' }] },
        { event: 'logs.unsubscribe', args: [] },
        { event: 'logs.subscribe', args: [{ source: 'backend', traceId: TRACE }] },
      ]),
    );
    expect(liveSection()).toHaveTextContent('No new lines yet');
    pushLine('another trace', { traceId: 'f'.repeat(32) });
    pushLine('same trace', { traceId: TRACE });
    expect(liveLines()).toEqual([expect.stringContaining('same trace')]);
  });

  it('says when the connection was lost, and subscribes again once it is back', async () => {
    await showWithLiveTail();
    pushLine('before the loss');
    act(() => lastSocket().drop());
    expect(within(liveSection()).getByRole('status')).toHaveTextContent(
      'Waiting for the live connection (The connection was lost)',
    );
    act(() => lastSocket().accept());
    await waitFor(() => expect(commands()).toHaveLength(2));
    expect(defined(commands()[1]).event).toBe('logs.subscribe');
    expect(liveLines()[0]).toContain('Connection lost');
  });

  it('shows why the server refused the subscription', async () => {
    fakeApi({ 'GET /api/v1/logging/logs': json(aLogPage([])) });
    lastSocket().answerCommands = () => ({
      ok: false,
      error: { code: 'forbidden', message: 'logs.subscribe is for admins only' },
    });
    const { user } = renderPage(<LogsPage />, { url: '/admin/logs', path: '/admin/logs' });
    await user.click(screen.getByRole('checkbox', { name: 'Live tail' }));
    expect(await within(liveSection()).findByText(/admins only/)).toHaveTextContent(
      'The live tail was refused: logs.subscribe is for admins only',
    );
  });
});
