import { act, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { ExceptionsPage } from './ExceptionsPage';
import { aGroup, aGroupPage, somePatterns } from './testing/factories';
import { defined } from '../../test/defined';

const LIST = 'GET /api/v1/logging/exceptions';
const PATTERNS = 'GET /api/v1/logging/exceptions/patterns';

const show = (url = '/admin/exceptions') =>
  renderPage(<ExceptionsPage />, { url, path: '/admin/exceptions' });

const network = (routes: Record<string, FakeRoute | Response> = {}) =>
  fakeApi({ [LIST]: json(aGroupPage([])), [PATTERNS]: json(somePatterns()), ...routes });

const queryOf = (request: Request) => new URL(request.url).searchParams;

describe('ExceptionsPage', () => {
  describe('states', () => {
    it('shows a skeleton while the groups load', () => {
      network({ [LIST]: pending });
      show();
      expect(screen.getByRole('heading', { level: 1, name: 'Exceptions' })).toBeInTheDocument();
      expect(screen.getByRole('status', { name: 'Loading exception groups' })).toBeInTheDocument();
    });

    it('explains a failed load and tries again', async () => {
      const api = network({ [LIST]: apiError(500, 'Internal server error') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Exception groups could not be loaded');
      expect(alert).toHaveTextContent('Internal server error');

      api.on(LIST, json(aGroupPage([aGroup({ title: 'RangeError: too far' })])));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('link', { name: 'RangeError: too far' })).toBeInTheDocument();
    });

    it('says when nothing was recorded', async () => {
      network();
      show();
      expect(await screen.findByText('No exceptions recorded')).toBeInTheDocument();
    });

    it('offers to clear filters that match nothing', async () => {
      network();
      show('/admin/exceptions?status=ignored');
      expect(
        await screen.findByText('No exception groups match these filters'),
      ).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Clear the filters' })).toHaveAttribute(
        'href',
        '/admin/exceptions',
      );
    });

    it('lists groups with status, regression, counts, users and times in the viewer’s zone', async () => {
      const regressed = aGroup({
        title: 'TypeError: amount is undefined',
        status: 'unresolved',
        regressed: true,
        count: 1234,
        affectedUsers: 17,
        lastSeen: '2026-11-21T09:30:05.000Z',
        sparkline: [...Array<number>(21).fill(0), 5, 0, 9],
      });
      const ignored = aGroup({ title: 'Error: quiet', status: 'ignored', source: 'frontend' });
      network({ [LIST]: json(aGroupPage([regressed, ignored])) });
      show();

      const link = await screen.findByRole('link', { name: 'TypeError: amount is undefined' });
      expect(link).toHaveAttribute('href', `/admin/exceptions/${regressed.id}`);
      const row = link.closest('tr') as HTMLElement;
      expect(row).toHaveTextContent('Unresolved');
      expect(row).toHaveTextContent('Regressed');
      expect(row).toHaveTextContent('1,234');
      expect(row).toHaveTextContent('17');
      expect(row).toHaveTextContent('14 in the last 24 hours');
      expect(within(row).getByTitle('2026-11-21 09:30:05 UTC')).toHaveAttribute(
        'datetime',
        '2026-11-21T09:30:05.000Z',
      );

      const other = screen.getByRole('link', { name: 'Error: quiet' }).closest('tr') as HTMLElement;
      expect(other).toHaveTextContent('Ignored');
      expect(other).toHaveTextContent('Browser');
      expect(other).not.toHaveTextContent('Regressed');
    });
  });

  describe('filters, sort and pages', () => {
    it('keeps a filter change in the URL and sends it, back on page 1', async () => {
      const api = network({ [LIST]: json(aGroupPage([aGroup()], { total: 120, page: 2 })) });
      const { user, router } = show('/admin/exceptions?page=2');
      await screen.findByText(/Page 2 of 3/);
      expect(queryOf(defined(api.requestsTo(LIST)[0])).get('page')).toBe('2');

      await user.selectOptions(screen.getByLabelText('Status'), 'resolved');
      await waitFor(() => expect(router.state.location.search).toBe('?status=resolved'));
      await waitFor(() => expect(api.requestsTo(LIST)).toHaveLength(2));
      const query = queryOf(defined(api.requestsTo(LIST)[1]));
      expect(query.get('status')).toBe('resolved');
      expect(query.get('page')).toBe('1');
      expect(query.get('limit')).toBe('50');
    });

    it('sends the text, type, source, range and sort, and reads them back from the URL', async () => {
      const api = network();
      const { user, router } = show('/admin/exceptions?view=groups');
      await screen.findByText('No exceptions recorded');

      await user.type(screen.getByLabelText('Text'), 'amount');
      await user.type(screen.getByLabelText('Type'), 'TypeError{Enter}');
      await user.selectOptions(screen.getByLabelText('Source'), 'frontend');
      await user.selectOptions(screen.getByLabelText('Occurred'), '24h');
      await user.selectOptions(screen.getByLabelText('Sort'), 'count:desc');

      const params = new URLSearchParams(router.state.location.search);
      expect(Object.fromEntries(params)).toEqual({
        view: 'groups',
        q: 'amount',
        type: 'TypeError',
        source: 'frontend',
        range: '24h',
        sort: 'count',
      });
      await waitFor(() =>
        expect(queryOf(defined(api.requests[api.requests.length - 1])).get('sort')).toBe('count'),
      );
      const query = queryOf(defined(api.requests[api.requests.length - 1]));
      expect(query.get('q')).toBe('amount');
      expect(query.get('type')).toBe('TypeError');
      expect(query.get('source')).toBe('frontend');
      const from = Date.parse(query.get('from') as string);
      expect(Date.now() - from).toBeGreaterThanOrEqual(24 * 3600_000);
      expect(Date.now() - from).toBeLessThan(24 * 3600_000 + 60_000);
      expect(query.get('order')).toBe('desc');

      expect(screen.getByLabelText('Text')).toHaveValue('amount');
      expect(screen.getByLabelText('Sort')).toHaveValue('count:desc');
    });

    it('sends a custom range as it was entered in the viewer’s time', async () => {
      const api = network();
      const { user, router } = show();
      await screen.findByText('No exceptions recorded');

      await user.selectOptions(screen.getByLabelText('Occurred'), 'custom');
      const from = screen.getByLabelText('From (your time)');
      await user.type(from, '2026-11-20T08:00');
      await user.type(screen.getByLabelText('To (your time)'), '2026-11-20T09:30');

      const expectedFrom = new Date(2026, 10, 20, 8, 0).toISOString();
      const expectedTo = new Date(2026, 10, 20, 9, 30).toISOString();
      await waitFor(() => {
        const query = queryOf(defined(api.requests[api.requests.length - 1]));
        expect([query.get('from'), query.get('to')]).toEqual([expectedFrom, expectedTo]);
      });
      const params = new URLSearchParams(router.state.location.search);
      expect([params.get('range'), params.get('from'), params.get('to')]).toEqual([
        'custom',
        expectedFrom,
        expectedTo,
      ]);
      expect(from).toHaveValue('2026-11-20T08:00');
    });

    it('reads the list again every 30 s while auto-refresh is on, and keeps the choice in the URL', async () => {
      jest.useFakeTimers();
      try {
        const api = network({ [LIST]: json(aGroupPage([aGroup({ title: 'Error: again' })])) });
        const { router } = show();
        await screen.findByRole('link', { name: 'Error: again' });
        const toggle = screen.getByRole('checkbox', { name: 'Auto-refresh every 30 s' });
        expect(toggle).not.toBeChecked();
        act(() => toggle.click());
        await waitFor(() => expect(router.state.location.search).toBe('?refresh=on'));
        const before = api.requestsTo(LIST).length;
        await act(async () => {
          jest.advanceTimersByTime(30_000);
        });
        await waitFor(() => expect(api.requestsTo(LIST)).toHaveLength(before + 1));

        act(() => screen.getByRole('checkbox', { name: 'Auto-refresh every 30 s' }).click());
        await waitFor(() => expect(router.state.location.search).toBe(''));
        await act(async () => {
          jest.advanceTimersByTime(60_000);
        });
        expect(api.requestsTo(LIST)).toHaveLength(before + 1);
      } finally {
        jest.useRealTimers();
      }
    });

    it('pages forward and back', async () => {
      const api = network({
        [LIST]: (_request, url) =>
          json(
            aGroupPage([aGroup({ title: `Group on page ${url.searchParams.get('page')}` })], {
              total: 75,
              page: Number(url.searchParams.get('page')),
            }),
          ),
      });
      const { user, router } = show();
      expect(await screen.findByText('Page 1 of 2 · 75 groups')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();

      await user.click(screen.getByRole('button', { name: 'Next page' }));
      expect(await screen.findByRole('link', { name: 'Group on page 2' })).toBeInTheDocument();
      expect(router.state.location.search).toBe('?page=2');
      expect(screen.getByText('Page 2 of 2 · 75 groups')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

      await user.click(screen.getByRole('button', { name: 'Previous page' }));
      expect(await screen.findByRole('link', { name: 'Group on page 1' })).toBeInTheDocument();
      expect(router.state.location.search).toBe('');
      // Page 1 again comes from the cache at once (and is refreshed behind it).
      const pages = api.requestsTo(LIST).map((request) => queryOf(request).get('page'));
      expect(pages.slice(0, 2)).toEqual(['1', '2']);
    });
  });

  describe('patterns', () => {
    it('shows the trend, the types and the top groups of the range', async () => {
      const api = network();
      const { user, router } = show();
      await user.click(screen.getByRole('link', { name: 'Patterns' }));
      expect(router.state.location.search).toBe('?view=patterns');
      expect(screen.getByRole('link', { name: 'Patterns' })).toHaveAttribute(
        'aria-current',
        'page',
      );

      expect(await screen.findByText('+25% (8 → 10)')).toBeInTheDocument();
      const types = screen.getByRole('table', { name: 'Occurrences by type' });
      expect(within(types).getByRole('link', { name: 'TypeError' })).toHaveAttribute(
        'href',
        '/admin/exceptions?type=TypeError',
      );
      expect(types).toHaveTextContent('new (0 → 3)');
      const top = screen.getByRole('table', { name: 'Most frequent groups' });
      expect(
        within(top).getByRole('link', { name: 'TypeError: amount is undefined' }),
      ).toBeVisible();
      expect(top).toHaveTextContent('\u221212.5% (8 → 7)');

      await user.selectOptions(screen.getByLabelText('Range'), '7d');
      expect(router.state.location.search).toBe('?view=patterns&range=7d');
      await waitFor(() => expect(api.requestsTo(PATTERNS)).toHaveLength(2));
      const from = Date.parse(queryOf(defined(api.requestsTo(PATTERNS)[1])).get('from') as string);
      expect(Date.now() - from).toBeGreaterThanOrEqual(7 * 24 * 3600_000);
    });

    it('says when the range and the one before it had no exceptions', async () => {
      network({
        [PATTERNS]: json(
          somePatterns({
            trend: { count: 0, previousCount: 0, changePercent: null },
            byType: [],
            topGroups: [],
            buckets: [0, 0],
          }),
        ),
      });
      show('/admin/exceptions?view=patterns');
      expect(await screen.findByText('No exceptions in the last 24 hours')).toBeInTheDocument();
    });

    it('explains a failed load of the patterns', async () => {
      network({ [PATTERNS]: apiError(400, 'from must be before to') });
      show('/admin/exceptions?view=patterns&range=1h');
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Patterns could not be loaded');
      expect(alert).toHaveTextContent('from must be before to');
    });
  });
});
