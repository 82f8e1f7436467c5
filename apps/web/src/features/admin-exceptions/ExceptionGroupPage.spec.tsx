import { screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { ExceptionGroupPage } from './ExceptionGroupPage';
import { aGroup, aGroupDetail, anOccurrence } from './testing/factories';
import { defined } from '../../test/defined';

const group = aGroup({ title: 'TypeError: amount is undefined', count: 1234 });
const DETAIL = `GET /api/v1/logging/exceptions/${group.id}`;
const RESOLVE = `PUT /api/v1/logging/exceptions/${group.id}/resolve`;
const IGNORE = `PUT /api/v1/logging/exceptions/${group.id}/ignore`;
const UNRESOLVE = `PUT /api/v1/logging/exceptions/${group.id}/unresolve`;

const show = (url = `/admin/exceptions/${group.id}`) =>
  renderPage(<ExceptionGroupPage />, { url, path: '/admin/exceptions/:id' });

const network = (routes: Record<string, FakeRoute | Response> = {}) =>
  fakeApi({ [DETAIL]: json(aGroupDetail(group)), ...routes });

describe('ExceptionGroupPage', () => {
  describe('states', () => {
    it('shows a skeleton while the group loads', () => {
      network({ [DETAIL]: pending });
      show();
      expect(screen.getByRole('status', { name: 'Loading the exception group' })).toBeVisible();
      expect(screen.getByRole('link', { name: '← All exceptions' })).toHaveAttribute(
        'href',
        '/admin/exceptions',
      );
    });

    it('explains a failed load and tries again', async () => {
      const api = network({ [DETAIL]: apiError(500, 'Internal server error') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The exception group could not be loaded');
      api.on(DETAIL, json(aGroupDetail(group)));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(
        await screen.findByRole('heading', { level: 1, name: 'TypeError: amount is undefined' }),
      ).toBeVisible();
    });

    it('says when the group does not exist', async () => {
      network({ [DETAIL]: apiError(404, 'No exception group with this ID') });
      show();
      expect(await screen.findByText('This exception group does not exist')).toBeVisible();
      expect(screen.getByRole('link', { name: 'Back to all exceptions' })).toBeVisible();
    });

    it('says when no occurrence is stored and the range had none', async () => {
      network({
        [DETAIL]: json(
          aGroupDetail(group, {
            latestOccurrence: null,
            recentOccurrences: [],
            storedOccurrences: 0,
            hourly: { from: group.firstSeen, to: group.lastSeen, total: 0, buckets: [] },
          }),
        ),
      });
      show();
      expect(await screen.findByText('No stored occurrences')).toBeVisible();
      expect(screen.getByText('No occurrences in the last 24 hours.')).toBeVisible();
      expect(screen.getByText(/No occurrence is stored any more/)).toBeVisible();
    });

    it('shows the facts, the folded stack and recent occurrences linking to their logs', async () => {
      const traced = anOccurrence({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
      const anonymous = anOccurrence({ traceId: null, userId: null });
      network({
        [DETAIL]: json(aGroupDetail(group, { recentOccurrences: [traced, anonymous] })),
      });
      show();
      const summary = await screen.findByRole('region', { name: 'Summary' });
      expect(summary).toHaveTextContent('Unresolved');
      expect(summary).toHaveTextContent('1,234');
      expect(summary).toHaveTextContent(
        'BudgetsService.spent (apps/api/src/modules/budgets/budgets.service.ts)',
      );

      const stack = screen.getByRole('region', { name: 'Stack trace' });
      const appFrame = within(stack).getByText(/at BudgetsService\.spent/);
      expect(appFrame.closest('li')).toHaveTextContent('In-app frame:');
      const folded = within(stack).getByText('2 library frames').closest('details');
      expect(folded).not.toHaveAttribute('open');
      expect(folded).toHaveTextContent('node_modules/@nestjs/core');

      const recent = screen.getByRole('region', { name: 'Recent occurrences' });
      expect(
        within(recent).getByRole('link', {
          name: 'Logs of trace 4bf92f3577b34da6a3ce929d0e0e4736',
        }),
      ).toHaveAttribute('href', '/admin/logs?traceId=4bf92f3577b34da6a3ce929d0e0e4736');
      const rows = within(recent).getAllByRole('row');
      expect(rows).toHaveLength(3);
      expect(rows[2]).toHaveTextContent('Signed out');
      expect(rows[2]).toHaveTextContent('None');
    });

    it('asks for a wider hourly range in the URL', async () => {
      const api = network();
      const { user, router } = show();
      await screen.findByRole('region', { name: 'Occurrences per hour' });
      await user.selectOptions(screen.getByLabelText('Range'), '7d');
      expect(router.state.location.search).toBe('?range=7d');
      await waitFor(() => expect(api.requestsTo(DETAIL)).toHaveLength(2));
      const query = new URL(defined(api.requestsTo(DETAIL)[1]).url).searchParams;
      expect(Date.now() - Date.parse(query.get('from') as string)).toBeGreaterThanOrEqual(
        7 * 24 * 3600_000,
      );
      expect(query.get('recent')).toBe('20');
    });
  });

  describe('actions', () => {
    it('resolves with a note, then shows the refreshed group', async () => {
      const api = network({ [RESOLVE]: json(aGroup({ ...group, status: 'resolved' })) });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Resolve' }));
      const dialog = screen.getByRole('dialog', { name: 'Resolve this exception group' });
      await user.type(within(dialog).getByLabelText('Notes (optional)'), '  Fixed by rounding  ');

      const resolved = aGroup({
        ...group,
        status: 'resolved',
        resolvedAt: '2026-11-21T10:00:00.000Z',
        resolutionNotes: 'Fixed by rounding',
      });
      api.on(DETAIL, json(aGroupDetail(resolved)));
      await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));

      await waitFor(() => expect(api.requestsTo(RESOLVE)).toHaveLength(1));
      expect(await defined(api.requestsTo(RESOLVE)[0]).json()).toEqual({
        notes: 'Fixed by rounding',
      });
      expect(await screen.findByText('Exception group resolved')).toBeVisible();
      expect(await screen.findByRole('button', { name: 'Unresolve' })).toBeVisible();
      expect(screen.getByRole('region', { name: 'Summary' })).toHaveTextContent(
        'Fixed by rounding',
      );
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(api.requestsTo(DETAIL)).toHaveLength(2);
    });

    it('shows the API’s message by the notes field and keeps the dialog open', async () => {
      network({
        [RESOLVE]: apiError(400, 'Validation failed', {
          notes: ['notes must be shorter than or equal to 2000 characters'],
        }),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Resolve' }));
      const dialog = screen.getByRole('dialog', { name: 'Resolve this exception group' });
      await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
      const notes = within(dialog).getByLabelText('Notes (optional)');
      await waitFor(() => expect(notes).toHaveAttribute('aria-invalid', 'true'));
      expect(notes).toHaveAccessibleDescription(
        'Notes must be shorter than or equal to 2000 characters',
      );
      const alert = within(dialog).getByRole('alert');
      expect(alert).toHaveTextContent('Validation failed Reference: ffffffff');
      expect(alert.parentElement?.firstElementChild).toBe(alert);
    });

    it('ignores for a number of further occurrences', async () => {
      const api = network({ [IGNORE]: json(aGroup({ ...group, status: 'ignored' })) });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Ignore' }));
      const dialog = screen.getByRole('dialog', { name: 'Ignore this exception group' });
      await user.click(within(dialog).getByLabelText('For a number of further occurrences'));

      await user.click(within(dialog).getByRole('button', { name: 'Ignore' }));
      expect(within(dialog).getByLabelText('Further occurrences')).toHaveAccessibleDescription(
        'Enter how many more occurrences to ignore.',
      );
      expect(api.requestsTo(IGNORE)).toHaveLength(0);

      api.on(
        DETAIL,
        json(
          aGroupDetail(
            aGroup({ ...group, status: 'ignored', ignoreUntilCount: 100, ignoreRemaining: 100 }),
          ),
        ),
      );
      await user.type(within(dialog).getByLabelText('Further occurrences'), '100');
      await user.click(within(dialog).getByRole('button', { name: 'Ignore' }));

      await waitFor(() => expect(api.requestsTo(IGNORE)).toHaveLength(1));
      expect(await defined(api.requestsTo(IGNORE)[0]).json()).toEqual({ untilCount: 100 });
      expect(await screen.findByText('Ignored for 100 more occurrences (100 left).')).toBeVisible();
    });

    it('shows the API’s message for a time in the past by the time field', async () => {
      const api = network({
        [IGNORE]: apiError(400, 'Validation failed', { until: ['until must be in the future'] }),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Ignore' }));
      const dialog = screen.getByRole('dialog', { name: 'Ignore this exception group' });
      await user.click(within(dialog).getByLabelText('Until a date and time'));
      await user.type(within(dialog).getByLabelText('Ignore until'), '2020-01-01T10:00');
      await user.click(within(dialog).getByRole('button', { name: 'Ignore' }));

      const until = within(dialog).getByLabelText('Ignore until');
      await waitFor(() =>
        expect(until).toHaveAccessibleDescription('Ignore until must be in the future'),
      );
      const alert = within(dialog).getByRole('alert');
      expect(alert.parentElement?.firstElementChild).toBe(alert);
      expect(await defined(api.requestsTo(IGNORE)[0]).json()).toEqual({
        until: new Date(2020, 0, 1, 10, 0).toISOString(),
      });
    });

    it('reopens a resolved group', async () => {
      const resolved = aGroup({ ...group, status: 'resolved' });
      const api = network({
        [DETAIL]: json(aGroupDetail(resolved)),
        [UNRESOLVE]: json(aGroup({ ...group, status: 'unresolved' })),
      });
      const { user } = show();
      const reopen = await screen.findByRole('button', { name: 'Unresolve' });
      api.on(DETAIL, json(aGroupDetail(group)));
      await user.click(reopen);
      expect(await screen.findByText('Exception group marked unresolved')).toBeVisible();
      expect(await screen.findByRole('button', { name: 'Ignore' })).toBeVisible();
      expect(api.requestsTo(UNRESOLVE)).toHaveLength(1);
    });
  });
});
