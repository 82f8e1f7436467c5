import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeApi, type FakeRoute, json, pending } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { AuditLogsPage } from './AuditLogsPage';
import {
  anAuditChange,
  anAuditChangePage,
  anAuditLog,
  anAuditLogPage,
  aStreamedFile,
} from './test/audit-factories';
import { defined } from '../../test/defined';

const LOGS = 'GET /api/v1/audit-logs';
const ERRORS = 'GET /api/v1/audit-logs/errors';
const EXPORT = 'GET /api/v1/audit-logs/export';
const CHANGES = 'GET /api/v1/audit/changes';
const VERIFY = 'GET /api/v1/audit/verify';

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [LOGS]: json(anAuditLogPage([])),
    [VERIFY]: json({ ok: true, checked: 1234 }),
    ...routes,
  });
}

const show = (url = '/admin/audit') => renderPage(<AuditLogsPage />, { url, path: '/admin/audit' });

const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
const lastQuery = (api: ReturnType<typeof fakeApi>, route: string) =>
  queryOf(api.requestsTo(route).at(-1) as Request);

describe('AuditLogsPage', () => {
  describe('states', () => {
    it('shows a skeleton while the log loads', () => {
      network({ [LOGS]: pending });
      show();
      expect(screen.getByRole('status', { name: 'Loading the audit log' })).toBeInTheDocument();
    });

    it('explains a failed load and tries again', async () => {
      const api = network({ [LOGS]: apiError(403, 'Only admins can do this') });
      const { user } = show();
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('The audit log could not be loaded');
      expect(alert).toHaveTextContent('Only admins can do this');
      api.on(LOGS, json(anAuditLogPage([anAuditLog()])));
      await user.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('table', { name: 'Actions, newest first' })).toBeVisible();
    });

    it('says when nothing matches', async () => {
      network();
      show('/admin/audit?result=failure');
      expect(await screen.findByText('No events match these filters')).toBeInTheDocument();
      expect(screen.getByText('Try a wider range or clear some filters.')).toBeInTheDocument();
    });

    it('lists each action with its result in words, user, time with UTC on hover, IP and resource', async () => {
      network({
        [LOGS]: json(
          anAuditLogPage([
            anAuditLog({ action: 'auth.login', result: 'failure', message: 'Sign-in refused' }),
            anAuditLog({ actorEmail: null, actorId: null, ip: null, resourceType: null }),
          ]),
        ),
      });
      show();
      const table = await screen.findByRole('table', { name: 'Actions, newest first' });
      const [, first, second] = within(table).getAllByRole('row');
      expect(first).toHaveTextContent('auth.login');
      expect(first).toHaveTextContent('Sign-in refused');
      expect(first).toHaveTextContent('Failure');
      expect(first).toHaveTextContent('ada@example.com');
      expect(first).toHaveTextContent('203.0.113.7');
      expect(first).toHaveTextContent('transaction 22222222-2222-4222-8222-222222222222');
      expect(within(defined(first)).getByText(/2026/)).toHaveAttribute(
        'title',
        '2026-11-21 10:00:00 UTC',
      );
      expect(second).toHaveTextContent('Success');
      expect(second).toHaveTextContent('System');
    });

    it('shows the chain verification with when it ran, and runs it again', async () => {
      const api = network({
        [VERIFY]: json({ ok: false, checked: 41, firstBrokenId: '42', reason: 'Row changed' }),
      });
      const { user } = show();
      const chain = await screen.findByRole('region', { name: 'Chain verification' });
      await waitFor(() => expect(chain).toHaveTextContent('Broken at change #42'));
      expect(chain).toHaveTextContent('after 41 good changes. Row changed');
      expect(chain).toHaveTextContent('Last run');
      api.on(VERIFY, json({ ok: true, checked: 1234 }));
      await user.click(within(chain).getByRole('button', { name: 'Verify again' }));
      await waitFor(() => expect(chain).toHaveTextContent('Intact'));
      expect(chain).toHaveTextContent('1,234 changes recomputed');
      expect(api.requestsTo(VERIFY)).toHaveLength(2);
    });
    it('ends a failed verification with its reference, copyable', async () => {
      network({ [VERIFY]: apiError(503, 'The database is not answering') });
      show();
      const chain = await screen.findByRole('region', { name: 'Chain verification' });
      await waitFor(() =>
        expect(chain).toHaveTextContent(
          /could not run: The database is not answering\s*Reference: ffffffff/,
        ),
      );
      expect(within(chain).getByRole('button', { name: 'Copy reference' })).toBeVisible();
    });
  });

  describe('filters and paging', () => {
    it('puts each filter in the URL and sends it to the API', async () => {
      const api = network();
      const { user, router } = show();
      await screen.findByText('No events match these filters');

      await user.selectOptions(screen.getByLabelText('Result'), 'failure');
      await user.selectOptions(screen.getByLabelText('Severity'), 'ERROR');
      await user.type(screen.getByLabelText('Action'), 'auth.login');
      await user.type(screen.getByLabelText('Text in message or IP'), '203.0');
      fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01T08:30' } });

      await waitFor(() => expect(lastQuery(api, LOGS)).toMatchObject({ q: '203.0' }));
      const url = new URLSearchParams(router.state.location.search);
      expect(Object.fromEntries(url)).toEqual({
        result: 'failure',
        severity: 'ERROR',
        action: 'auth.login',
        q: '203.0',
        from: new Date('2026-11-01T08:30').toISOString(),
      });
      expect(lastQuery(api, LOGS)).toEqual({
        result: 'failure',
        severity: 'ERROR',
        action: 'auth.login',
        q: '203.0',
        from: new Date('2026-11-01T08:30').toISOString(),
        page: '1',
        limit: '50',
      });
    });

    it('reads filters from a shared link, and does not send a user ID that cannot be one', async () => {
      const api = network();
      show('/admin/audit?user=ada&resourceType=budget&page=2');
      await screen.findByText(/No rows on this page|No events match/);
      expect(lastQuery(api, LOGS)).toEqual({ resourceType: 'budget', page: '2', limit: '50' });
      expect(screen.getByLabelText('User ID')).toHaveAccessibleDescription(/Enter a user ID/);
    });

    it('clears every filter', async () => {
      const api = network();
      const { user, router } = show('/admin/audit?result=failure&q=x');
      await user.click(await screen.findByRole('button', { name: 'Clear filters' }));
      await waitFor(() => expect(router.state.location.search).toBe(''));
      await waitFor(() => expect(lastQuery(api, LOGS)).toEqual({ page: '1', limit: '50' }));
    });

    it('pages through the log, and a filter goes back to page 1', async () => {
      const api = network({
        [LOGS]: (_request, url) =>
          json(
            anAuditLogPage([anAuditLog({ message: `Page ${url.searchParams.get('page')}` })], {
              total: 120,
            }),
          ),
      });
      const { user, router } = show();
      expect(await screen.findByText('Page 1')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
      await user.click(screen.getByRole('button', { name: 'Next page' }));
      expect(await screen.findByText('Page 2')).toBeInTheDocument();
      expect(router.state.location.search).toBe('?page=2');
      expect(screen.getByText(/page 2 of 3/)).toBeInTheDocument();

      await user.selectOptions(screen.getByLabelText('Result'), 'success');
      await waitFor(() =>
        expect(lastQuery(api, LOGS)).toMatchObject({ page: '1', result: 'success' }),
      );
    });

    it('shows only failures on the Errors tab, from the errors route', async () => {
      const api = network({
        [ERRORS]: json(anAuditLogPage([anAuditLog({ result: 'failure', severity: 'CRITICAL' })])),
      });
      const { user, router } = show('/admin/audit?action=auth.login');
      await screen.findByText('No events match these filters');
      await user.click(screen.getByRole('button', { name: 'Errors' }));
      const table = await screen.findByRole('table', { name: 'Failed actions, newest first' });
      expect(within(table).getByRole('columnheader', { name: 'Severity' })).toBeInTheDocument();
      expect(table).toHaveTextContent('CRITICAL');
      expect(screen.getByRole('button', { name: 'Errors' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      expect(router.state.location.search).toBe('?action=auth.login&view=errors');
      expect(lastQuery(api, ERRORS)).toEqual({ action: 'auth.login', page: '1', limit: '50' });
    });
  });

  describe('detail', () => {
    it('opens an event with its metadata as JSON and its user agent, kept in the URL', async () => {
      const log = anAuditLog({ metadata: { method: 'PATCH', status: 200 } });
      network({ [LOGS]: json(anAuditLogPage([log])) });
      const { user, router } = show();
      await user.click(
        await screen.findByRole('button', { name: /Details of transaction.update/ }),
      );
      const dialog = screen.getByRole('dialog', { name: 'Event details' });
      expect(dialog).toHaveTextContent('Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0');
      expect(dialog).toHaveTextContent('42 ms');
      expect(within(dialog).getByLabelText('Metadata').textContent).toBe(
        '{\n  "method": "PATCH",\n  "status": 200\n}',
      );
      expect(new URLSearchParams(router.state.location.search).get('event')).toBe(log.id);

      await user.click(within(dialog).getByRole('button', { name: 'Close' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(router.state.location.search).toBe('');
    });

    it('loads an event a shared link names when it is not on the page', async () => {
      const log = anAuditLog({ userAgent: 'curl/8.5.0' });
      network({ [`GET /api/v1/audit-logs/${log.id}`]: json(log) });
      show(`/admin/audit?event=${log.id}`);
      const dialog = screen.getByRole('dialog', { name: 'Event details' });
      expect(await within(dialog).findByText('curl/8.5.0')).toBeInTheDocument();
    });

    it('shows the resource’s row history as a field-by-field diff', async () => {
      const log = anAuditLog();
      const api = network({
        [LOGS]: json(anAuditLogPage([log])),
        [CHANGES]: json(anAuditChangePage([anAuditChange()])),
      });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: /Details of/ }));
      await user.click(
        screen.getByRole('button', { name: `Show the changes of transaction ${log.resourceId}` }),
      );
      const diff = await screen.findByRole('table', { name: /Fields of change #7/ });
      const [, amount, notes] = within(diff).getAllByRole('row');
      expect(amount).toHaveTextContent('amount_cents1250→ 1500');
      expect(notes).toHaveTextContent('notesnull→ with cake');
      expect(screen.getByRole('dialog')).toHaveTextContent('Updated');
      expect(lastQuery(api, CHANGES)).toEqual({
        table: 'transactions',
        rowId: log.resourceId,
        limit: '200',
      });
    });

    it('offers no row history for a resource whose rows are not audited', async () => {
      network({ [LOGS]: json(anAuditLogPage([anAuditLog({ resourceType: 'session' })])) });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: /Details of/ }));
      expect(screen.queryByRole('region', { name: 'Row history' })).not.toBeInTheDocument();
    });
  });

  describe('export', () => {
    let downloads: string[];
    beforeEach(() => {
      downloads = [];
      URL.createObjectURL = jest.fn(() => 'blob:export');
      URL.revokeObjectURL = jest.fn();
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(
        this: HTMLAnchorElement,
      ) {
        downloads.push(this.download);
      });
    });
    afterEach(() => jest.restoreAllMocks());

    it('streams the current filter’s export, showing bytes and rows as they arrive', async () => {
      const file = aStreamedFile('application/json; charset=utf-8', 'audit-logs-2026.json');
      const api = network({ [EXPORT]: () => file.response });
      const { user } = show('/admin/audit?result=failure&q=login');
      await screen.findByText('No events match these filters');

      await user.selectOptions(screen.getByLabelText('Export format'), 'json');
      await user.click(screen.getByRole('button', { name: 'Export JSON' }));
      expect(lastQuery(api, EXPORT)).toEqual({ result: 'failure', q: 'login', format: 'json' });

      const status = screen.getByText(
        (_text, element) => element?.classList.contains('audit-export__status') ?? false,
      );
      file.send('[\n{"id":"1"},\n{"id"');
      await waitFor(() => expect(status).toHaveTextContent('Exporting… 19 B received, 1 row'));
      expect(screen.getByRole('button', { name: 'Cancel export' })).toBeInTheDocument();

      file.send(':"2"},\n{"id":"3"}\n]\n');
      file.end();
      await waitFor(() =>
        expect(status).toHaveTextContent('Exported 3 rows (39 B) to audit-logs-2026.json'),
      );
      expect(downloads).toEqual(['audit-logs-2026.json']);
    });

    it('says why an export failed', async () => {
      network({ [EXPORT]: apiError(400, 'from must be before to') });
      const { user } = show();
      await user.click(await screen.findByRole('button', { name: 'Export CSV' }));
      expect(
        await screen.findByText('The export failed: from must be before to'),
      ).toBeInTheDocument();
      expect(downloads).toEqual([]);
    });
  });
});
