import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { LOG_PAGE_SIZE } from './api/get-logs';
import { ROW_HEIGHT } from './components/LogList';
import { LogsPage } from './LogsPage';
import { aLogContext, aLogLine, aLogPage, someLines } from './test/log-factories';
import { defined } from '../../test/defined';

const LIST = 'GET /api/v1/logging/logs';
const EXPORT = 'POST /api/v1/logging/logs/export';
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const USER = '0b6f1a9e-5c1f-4c1e-9d51-0c6a4e7f2a10';
const VIEWPORT = 600;

// jsdom lays nothing out: give the list's scrolling box a height, so the virtualiser shows rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === 'log-scroller' ? VIEWPORT : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === 'log-scroller' ? 1000 : 0;
    },
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({ [LIST]: json(aLogPage([])), ...routes });
}

const show = (url = '/admin/logs') => renderPage(<LogsPage />, { url, path: '/admin/logs' });

const search = (router: ReturnType<typeof show>['router']) =>
  new URLSearchParams(router.state.location.search);
const lastQuery = (api: ReturnType<typeof network>, route = LIST) =>
  new URL(api.requestsTo(route).at(-1)?.url ?? 'http://x/').searchParams;
const list = () => screen.findByRole('list', { name: 'Log lines, newest first' });

describe('LogsPage', () => {
  describe('states', () => {
    it('shows a skeleton while the lines load', () => {
      network({ [LIST]: pending });
      show();
      expect(screen.getByRole('status', { name: 'Loading log lines' })).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 1, name: 'Logs' })).toBeInTheDocument();
    });

    it('explains a failed load and tries again', async () => {
      const api = network({ [LIST]: apiError(503, 'The database is unavailable') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Log lines could not be loaded');
      expect(alert).toHaveTextContent('The database is unavailable');
      api.on(LIST, json(aLogPage([aLogLine({ message: 'back again' })])));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('back again')).toBeInTheDocument();
    });

    it('says when nothing is stored, and offers to clear filters that match nothing', async () => {
      network();
      const first = show();
      expect(await screen.findByText('No log lines stored yet')).toBeInTheDocument();
      first.unmount();

      const { user, router } = show('/admin/logs?q=nothing&source=frontend');
      expect(await screen.findByText('No lines match these filters')).toBeInTheDocument();
      await user.click(defined(screen.getAllByRole('button', { name: 'Clear filters' })[0]));
      expect(router.state.location.search).toBe('');
      expect(await screen.findByText('No log lines stored yet')).toBeInTheDocument();
    });

    it('lists lines with their time, level in words, source and module', async () => {
      network({
        [LIST]: json(
          aLogPage([
            aLogLine({ level: 'error', source: 'frontend', module: 'budgets', message: 'boom' }),
            aLogLine({ level: 'info', message: 'fine' }),
          ]),
        ),
      });
      show();
      const rows = within(await list()).getAllByRole('listitem');
      expect(rows).toHaveLength(2);
      expect(rows[0]).toHaveTextContent('ERROR');
      expect(rows[0]).toHaveTextContent('Browser · budgets');
      expect(rows[0]).toHaveTextContent('boom');
      expect(rows[1]).toHaveTextContent('INFO');
      const time = within(defined(rows[0])).getByText((_, element) => element?.tagName === 'TIME');
      expect(time).toHaveAttribute('title', '2026-11-21 10:15:30.123456 UTC');
      expect(screen.getByText('2 lines loaded; no older lines')).toBeInTheDocument();
    });
  });

  describe('filters', () => {
    it('reads a trace link and sends its filter', async () => {
      const api = network();
      show(`/admin/logs?traceId=${TRACE}`);
      expect(await screen.findByLabelText('Trace ID')).toHaveValue(TRACE);
      await waitFor(() => expect(lastQuery(api).get('traceId')).toBe(TRACE));
      expect(lastQuery(api).has('from')).toBe(false);
    });

    it('keeps every filter set in the form in the URL and sends it to the API', async () => {
      const api = network();
      const { user, router } = show();
      await screen.findByText('No log lines stored yet');
      const typeInto = async (label: string, text: string) => {
        await user.click(screen.getByLabelText(label));
        await user.paste(text);
      };

      await user.selectOptions(screen.getByLabelText('Source'), 'Browser only');
      await user.click(screen.getByRole('checkbox', { name: 'ERROR' }));
      await user.click(screen.getByRole('checkbox', { name: 'WARN' }));
      await user.selectOptions(screen.getByLabelText('Time range'), 'Last 15 minutes');
      await typeInto('User ID', USER);
      await typeInto('Request path', '/api/v1/budgets');
      await typeInto('Module', 'http');
      await typeInto('Message contains', 'timeout');

      await waitFor(() => expect(search(router).get('q')).toBe('timeout'));
      expect(Object.fromEntries(search(router))).toEqual({
        source: 'frontend',
        level: 'warn,error',
        range: '15m',
        userId: USER,
        path: '/api/v1/budgets',
        module: 'http',
        q: 'timeout',
      });
      await waitFor(() => expect(lastQuery(api).get('q')).toBe('timeout'));
      const sent = lastQuery(api);
      expect(sent.get('source')).toBe('frontend');
      expect(sent.getAll('level')).toEqual(['warn', 'error']);
      expect(sent.get('userId')).toBe(USER);
      expect(sent.get('requestPath')).toBe('/api/v1/budgets');
      expect(sent.get('module')).toBe('http');
      const from = Date.parse(sent.get('from') ?? '');
      expect(Date.now() - from).toBeGreaterThanOrEqual(15 * 60_000);
      expect(Date.now() - from).toBeLessThan(16 * 60_000);

      // A minimum level replaces the ticked levels.
      await user.selectOptions(screen.getByLabelText('Minimum level'), 'WARN and graver');
      expect(search(router).get('minLevel')).toBe('warn');
      expect(search(router).has('level')).toBe(false);
      expect(screen.getByRole('checkbox', { name: 'ERROR' })).not.toBeChecked();
      await waitFor(() => expect(lastQuery(api).get('minLevel')).toBe('warn'));
    });

    it('offers a custom range in the viewer’s time and sends it as instants', async () => {
      const api = network();
      const { user, router } = show();
      await user.selectOptions(screen.getByLabelText('Time range'), 'Custom range');
      fireEvent.change(screen.getByLabelText('From (your time)'), {
        target: { value: '2026-11-20T08:30' },
      });
      const from = new Date(2026, 10, 20, 8, 30).toISOString();
      expect(search(router).get('from')).toBe(from);
      expect(search(router).get('range')).toBe('custom');
      await waitFor(() => expect(lastQuery(api).get('from')).toBe(from));
    });

    it('shows the API’s message next to the field it refused', async () => {
      network({ [LIST]: apiError(400, 'Invalid input', { userId: ['userId must be a UUID'] }) });
      show('/admin/logs?userId=nope');
      expect(await screen.findByText('userId must be a UUID')).toBeInTheDocument();
      expect(screen.getByLabelText('User ID')).toHaveAttribute('aria-invalid', 'true');
    });
  });

  describe('paging', () => {
    it('loads the next page by cursor from the "Load older lines" button', async () => {
      const api = network({ [LIST]: json(aLogPage(someLines(LOG_PAGE_SIZE), 'cursor-2')) });
      const { user } = show();
      await list();
      expect(api.requestsTo(LIST)).toHaveLength(1);
      api.on(LIST, json(aLogPage([aLogLine({ message: 'older line' })])));
      await user.click(screen.getByRole('button', { name: 'Load older lines' }));
      // Appended below the rows in view, which are all the list renders.
      expect(
        await screen.findByText(`${LOG_PAGE_SIZE + 1} lines loaded; no older lines`),
      ).toBeInTheDocument();
      expect(lastQuery(api).get('cursor')).toBe('cursor-2');
    });

    it('loads the next page when scrolled near the end, keeping the filters', async () => {
      const api = network({
        [LIST]: json(aLogPage(someLines(LOG_PAGE_SIZE, { level: 'warn' }), 'cursor-2')),
      });
      show('/admin/logs?minLevel=warn');
      await list();
      // Only the rows in view (and a few more) are in the page.
      expect(screen.getAllByRole('listitem').length).toBeLessThan(40);
      expect(api.requestsTo(LIST)).toHaveLength(1);

      api.on(LIST, json(aLogPage([aLogLine({ level: 'error', message: 'oldest line' })])));
      const scroller = screen.getByTestId('log-scroller');
      scroller.scrollTop = LOG_PAGE_SIZE * ROW_HEIGHT - VIEWPORT;
      fireEvent.scroll(scroller);
      await waitFor(() => expect(api.requestsTo(LIST)).toHaveLength(2));
      expect(lastQuery(api).get('cursor')).toBe('cursor-2');
      expect(lastQuery(api).get('minLevel')).toBe('warn');
      expect(await screen.findByText(`${LOG_PAGE_SIZE + 1} lines loaded; no older lines`));
    });
  });

  describe('detail and context', () => {
    const line = aLogLine({
      level: 'error',
      message: 'Payment failed',
      traceId: TRACE,
      userId: USER,
      requestMethod: 'POST',
      requestPath: '/api/v1/transactions',
      statusCode: 500,
      durationMs: 1234,
      extra: { attempt: 2 },
    });

    it('opens a line with every field and its raw JSON, and keeps it in the URL', async () => {
      network({ [LIST]: json(aLogPage([line])) });
      const { user, router } = show();
      await user.click(await screen.findByRole('button', { name: /ERROR.*Payment failed/ }));
      const panel = screen.getByRole('complementary', { name: `Log line ${line.id}` });
      expect(search(router).get('line')).toBe(line.id);
      expect(panel).toHaveTextContent('POST /api/v1/transactions');
      expect(panel).toHaveTextContent('1,234 ms');
      expect(panel).toHaveTextContent('(severity 9)');
      expect(panel).toHaveTextContent(USER);
      expect(within(panel).getByRole('link', { name: TRACE })).toHaveAttribute(
        'href',
        `/admin/logs?traceId=${TRACE}`,
      );
      expect(within(panel).getByLabelText('Raw JSON of the line').textContent).toBe(
        JSON.stringify(line, null, 2),
      );
      await user.click(within(panel).getByRole('button', { name: 'Close' }));
      expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
      expect(search(router).has('line')).toBe(false);
    });

    it('loads a shared line that the list has not loaded', async () => {
      const api = network({ [`GET /api/v1/logging/logs/${line.id}`]: json(line) });
      show(`/admin/logs?line=${line.id}`);
      const panel = await screen.findByRole('complementary', { name: `Log line ${line.id}` });
      expect(await within(panel).findByText('Payment failed')).toBeInTheDocument();
      expect(api.requestsTo(`GET /api/v1/logging/logs/${line.id}`)).toHaveLength(1);
    });

    it('shows the lines around a line and its whole trace, API and browser, in one click', async () => {
      const before = aLogLine({ message: 'just before' });
      const after = aLogLine({ message: 'just after' });
      const browser = aLogLine({
        source: 'frontend',
        message: 'API request failed',
        traceId: TRACE,
      });
      const api = network({
        [LIST]: json(aLogPage([line])),
        [`GET /api/v1/logging/logs/${line.id}/context`]: json(
          aLogContext(line, { before: [before], after: [after], trace: [line, browser] }),
        ),
      });
      const { user, router } = show();
      await user.click(
        await screen.findByRole('button', { name: 'View in context: Payment failed' }),
      );
      expect(search(router).get('tab')).toBe('context');
      const around = await screen.findByRole('region', { name: 'Around this line' });
      const aroundLines = within(around).getAllByRole('listitem');
      expect(aroundLines.map((item) => item.textContent)).toEqual([
        expect.stringContaining('just before'),
        expect.stringContaining('This line'),
        expect.stringContaining('just after'),
      ]);
      const trace = screen.getByRole('region', { name: 'Its trace' });
      expect(trace).toHaveTextContent('2 lines from API and Browser');
      expect(within(trace).getAllByRole('listitem')[1]).toHaveTextContent('Browser');
      const sent = new URL(
        defined(api.requestsTo(`GET /api/v1/logging/logs/${line.id}/context`)[0]).url,
      );
      expect(sent.searchParams.get('before')).toBe('20');
      expect(sent.searchParams.get('after')).toBe('20');

      // A line of the context opens in the panel.
      await user.click(within(around).getByRole('button', { name: /just before/ }));
      expect(search(router).get('line')).toBe(before.id);
      expect(search(router).has('tab')).toBe(false);
    });
  });

  describe('export', () => {
    let saved: { name: string; href: string }[];
    beforeEach(() => {
      saved = [];
      URL.createObjectURL = jest.fn(() => 'blob:export');
      URL.revokeObjectURL = jest.fn();
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
        this: HTMLAnchorElement,
      ) {
        saved.push({ name: this.download, href: this.href });
      });
    });
    afterEach(() => jest.restoreAllMocks());

    it('exports the current filter, showing rows as they arrive and the file’s row count', async () => {
      let send!: (text: string) => void;
      let finish!: () => void;
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          send = (text) => controller.enqueue(encoder.encode(text));
          finish = () => controller.close();
        },
      });
      const api = network({
        [LIST]: json(aLogPage([aLogLine()])),
        [EXPORT]: new Response(body, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="ledgerlens-logs_start_now.csv"',
          },
        }),
      });
      const { user } = show(`/admin/logs?source=backend&level=error&traceId=${TRACE}`);
      await list();
      await user.selectOptions(screen.getByLabelText('Export format'), 'CSV (spreadsheets)');
      await user.click(screen.getByRole('button', { name: 'Export matching lines' }));

      expect(await screen.findByRole('progressbar', { name: 'Export progress' })).toBeVisible();
      send('timestamp,level,message\r\n2026-11-21,error,"multi\r\nline"\r\n');
      expect(await screen.findByText(/Exporting… 1 row \(\d+ B\) so far/)).toBeInTheDocument();
      send('2026-11-21,error,second\r\n');
      expect(await screen.findByText(/Exporting… 2 rows/)).toBeInTheDocument();
      finish();

      expect(
        await screen.findByText(/Exported 2 rows \(\d+ B\) to ledgerlens-logs_start_now\.csv/),
      ).toBeInTheDocument();
      expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
      expect(saved).toEqual([{ name: 'ledgerlens-logs_start_now.csv', href: 'blob:export' }]);
      expect(await defined(api.requestsTo(EXPORT)[0]).json()).toEqual({
        source: 'backend',
        level: ['error'],
        traceId: TRACE,
        format: 'csv',
      });
    });

    it('says why an export failed', async () => {
      network({
        [LIST]: json(aLogPage([aLogLine()])),
        [EXPORT]: apiError(403, 'Admins only'),
      });
      const { user } = show();
      await list();
      await user.click(screen.getByRole('button', { name: 'Export matching lines' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('The export failed: Admins only');
      expect(saved).toEqual([]);
    });
  });

  it('reads the newest lines again on Refresh', async () => {
    const api = network({ [LIST]: json(aLogPage([aLogLine({ message: 'first' })])) });
    const { user } = show('/admin/logs?range=1h');
    await screen.findByText('first');
    const firstFrom = lastQuery(api).get('from');
    api.on(LIST, json(aLogPage([aLogLine({ message: 'newer' })])));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('newer')).toBeInTheDocument();
    expect(api.requestsTo(LIST)).toHaveLength(2);
    expect(Date.parse(lastQuery(api).get('from') ?? '')).toBeGreaterThan(
      Date.parse(firstFrom ?? ''),
    );
  });
});
