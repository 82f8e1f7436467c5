import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { EVENTS_REFRESH_MS, EventsPage } from './EventsPage';
import { anAuditEvent, anAuditEventList, anAuditLog, aStreamedFile } from './test/audit-factories';

const EVENTS = 'GET /api/v1/audit/events';
const EXPORT = 'GET /api/v1/audit-logs/export';

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({ [EVENTS]: json(anAuditEventList([])), ...routes });
}

const show = (url = '/admin/events') => renderPage(<EventsPage />, { url, path: '/admin/events' });

const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
const lastQuery = (api: ReturnType<typeof fakeApi>, route: string) =>
  queryOf(api.requestsTo(route).at(-1) as Request);

describe('EventsPage', () => {
  describe('states', () => {
    it('shows a skeleton while the events load', () => {
      network({ [EVENTS]: pending });
      show();
      expect(screen.getByRole('status', { name: 'Loading the events' })).toBeInTheDocument();
    });

    it('explains a failed load', async () => {
      network({ [EVENTS]: apiError(500, 'Internal server error') });
      show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The events could not be loaded');
      expect(alert).toHaveTextContent('Internal server error');
    });

    it('asks for the last 7 days by default and says so when there were none', async () => {
      const api = network();
      show();
      expect(await screen.findByText('No events in this range')).toBeInTheDocument();
      expect(lastQuery(api, EVENTS)).toEqual({ limit: '50', offset: '0' });
      expect(screen.getByText(/the last 7 days/)).toBeInTheDocument();
    });

    it('lists events with operation, result in words, operator and source', async () => {
      network({
        [EVENTS]: json(
          anAuditEventList([
            anAuditEvent({ result: 'failure', source: 'frontend', message: 'Upload refused' }),
            anAuditEvent({ operator: null }),
          ]),
        ),
      });
      show();
      const table = await screen.findByRole('table', { name: 'Events, newest first' });
      const [, first, second] = within(table).getAllByRole('row');
      expect(first).toHaveTextContent('exception_group.resolve');
      expect(first).toHaveTextContent('Upload refused');
      expect(first).toHaveTextContent('Failure');
      expect(first).toHaveTextContent('frontend');
      expect(first).toHaveTextContent('ada@example.com');
      expect(second).toHaveTextContent('System');
      expect(second).toHaveTextContent('Success');
    });
  });

  it('puts filters in the URL and sends them as the Events contract’s query', async () => {
    const api = network();
    const { user, router } = show();
    await screen.findByText('No events in this range');
    await user.selectOptions(screen.getByLabelText('Source'), 'background-job');
    await user.selectOptions(screen.getByLabelText('Result'), 'warning');
    await user.type(screen.getByLabelText('Operation type'), 'data_cleanup');
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-20T12:00' } });

    const to = new Date('2026-11-20T12:00').toISOString();
    await waitFor(() =>
      expect(lastQuery(api, EVENTS)).toEqual({
        source: 'background-job',
        result: 'warning',
        operation_type: 'data_cleanup',
        end_date: to,
        limit: '50',
        offset: '0',
      }),
    );
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      source: 'background-job',
      result: 'warning',
      operation: 'data_cleanup',
      to,
    });
  });

  it('pages by offset', async () => {
    const api = network({
      [EVENTS]: json(anAuditEventList([anAuditEvent()], { total: 75 })),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(lastQuery(api, EVENTS)).toEqual({ limit: '50', offset: '50' }));
  });

  it('opens an event with its extra info and duration, read from the action log', async () => {
    const event = anAuditEvent();
    const log = anAuditLog({
      id: event.id,
      durationMs: 2400,
      metadata: { notes: 'fixed in 1.2.3' },
    });
    network({
      [EVENTS]: json(anAuditEventList([event])),
      [`GET /api/v1/audit-logs/${event.id}`]: json(log),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: /Details of/ }));
    const dialog = screen.getByRole('dialog', { name: 'Event details' });
    expect(await within(dialog).findByText('2.4 s')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Extra info')).toHaveTextContent(
      '"notes": "fixed in 1.2.3"',
    );
  });

  describe('auto-refresh', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('re-reads the events every 30 s, and stops when turned off', async () => {
      const api = network();
      const { router } = show();
      await screen.findByText('No events in this range');
      const toggle = screen.getByRole('checkbox', { name: 'Auto-refresh every 30 s' });
      expect(toggle).toBeChecked();
      expect(api.requestsTo(EVENTS)).toHaveLength(1);

      await act(async () => {
        await jest.advanceTimersByTimeAsync(EVENTS_REFRESH_MS);
      });
      expect(api.requestsTo(EVENTS)).toHaveLength(2);

      fireEvent.click(toggle);
      expect(toggle).not.toBeChecked();
      expect(router.state.location.search).toBe('?refresh=off');
      await act(async () => {
        await jest.advanceTimersByTimeAsync(EVENTS_REFRESH_MS * 3);
      });
      expect(api.requestsTo(EVENTS)).toHaveLength(2);

      fireEvent.click(toggle);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(EVENTS_REFRESH_MS);
      });
      expect(api.requestsTo(EVENTS)).toHaveLength(3);
    });
  });

  it('exports the shown events as CSV through the action log’s export, with the row count', async () => {
    URL.createObjectURL = jest.fn(() => 'blob:export');
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const file = aStreamedFile('text/csv; charset=utf-8', 'audit-logs-2026.csv');
    const api = network({ [EXPORT]: () => file.response });
    const from = '2026-11-01T00:00:00.000Z';
    const to = '2026-11-08T00:00:00.000Z';
    const { user } = show(`/admin/events?from=${from}&to=${to}&operation=auth.login`);
    await screen.findByText('No events in this range');

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(lastQuery(api, EXPORT)).toEqual({ from, to, action: 'auth.login', format: 'csv' });
    file.send('\uFEFFoccurredAt,action\r\n2026-11-02,auth.login\r\n');
    file.send('2026-11-03,auth.login\r\n');
    file.end();
    expect(
      await screen.findByText(/Exported 2 rows .* to audit-logs-2026.csv/),
    ).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });
});
