import { screen, waitFor, within } from '@testing-library/react';
import { aCategoryList } from '../../../test/factories/categories';
import { apiError, bodyOf, fakeApi, type FakeRoute, json, pending } from '../../../test/fake-api';
import { defined } from '../../../test/defined';
import { renderPage } from '../../../test/render';
import { somePreferences } from '../../preferences/testing/factories';
import { RecurringPage } from '../RecurringPage';
import { anOccurrence, aRule, aRuleList } from './recurring-fixtures';

const RULES = 'GET /api/v1/recurring';
const UPCOMING = 'GET /api/v1/recurring/upcoming';
const CATEGORIES = 'GET /api/v1/categories';
const PREFERENCES = 'GET /api/v1/users/me/preferences';

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [RULES]: json(aRuleList([])),
    [UPCOMING]: json({ items: [] }),
    [CATEGORIES]: json(aCategoryList([])),
    [PREFERENCES]: json(somePreferences()),
    ...routes,
  });
}

const show = () => renderPage(<RecurringPage />, { url: '/recurring', path: '/recurring' });

describe('RecurringPage', () => {
  it('shows a skeleton while the rules load', () => {
    network({ [RULES]: pending });
    show();
    expect(screen.getByRole('status', { name: 'Loading recurring rules' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New rule' })).toBeDisabled();
  });

  it('explains a failed load and retries what failed', async () => {
    const api = network({ [UPCOMING]: apiError(500, 'Internal server error') });
    const { user } = show();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Recurring rules could not be loaded');
    expect(alert).toHaveTextContent('Internal server error');

    api.on(UPCOMING, json({ items: [] }));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No recurring rules yet')).toBeInTheDocument();
    expect(api.requestsTo(UPCOMING)).toHaveLength(2);
    expect(api.requestsTo(RULES)).toHaveLength(1);
  });

  it('waits for the default currency a new rule starts in, and retries it alone', async () => {
    const api = network({ [PREFERENCES]: apiError(500, 'Internal server error') });
    const { user } = show();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Recurring rules could not be loaded');
    expect(screen.getByRole('button', { name: 'New rule' })).toBeDisabled();

    api.on(PREFERENCES, json(somePreferences()));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No recurring rules yet')).toBeInTheDocument();
    expect(api.requestsTo(PREFERENCES)).toHaveLength(2);
    expect(api.requestsTo(RULES)).toHaveLength(1);
  });

  it('offers to create the first rule, in the default currency', async () => {
    network({ [PREFERENCES]: json(somePreferences({ defaultCurrency: 'CHF' })) });
    const { user } = show();
    expect(await screen.findByText('No recurring rules yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create a rule' }));
    const dialog = screen.getByRole('dialog', { name: 'New recurring rule' });
    expect(dialog).toBeVisible();
    expect(within(dialog).getByLabelText('Currency')).toHaveValue('CHF');
  });

  it('lists the rules with their schedules and the next 30 days, skipped ones marked', async () => {
    const rent = aRule({ name: 'Rent' });
    const gym = aRule({
      name: 'Gym',
      frequency: 'weekly',
      interval: 2,
      dayOfMonth: null,
      amountCents: 2_500,
      paused: true,
    });
    const salary = aRule({
      name: 'Salary',
      type: 'income',
      lastDayOfMonth: true,
      dayOfMonth: null,
      occurrenceCount: 12,
    });
    const api = network({
      [RULES]: json(aRuleList([rent, gym, salary])),
      [UPCOMING]: json({
        items: [
          anOccurrence(salary, '2026-11-30', true),
          anOccurrence(rent, '2026-12-01'),
          anOccurrence(salary, '2026-12-31'),
        ],
      }),
    });
    show();

    const rentRow = await screen.findByRole('listitem', { name: 'Rent' });
    expect(rentRow).toHaveTextContent('€950.00 expense · Every month on the 1st');
    expect(screen.getByRole('listitem', { name: 'Gym' })).toHaveTextContent('Every 2 weeks');
    expect(screen.getByRole('listitem', { name: 'Gym' })).toHaveTextContent('Paused');
    expect(screen.getByRole('listitem', { name: 'Salary' })).toHaveTextContent(
      'Every month on the last day · 12 times in all',
    );
    expect(screen.getByRole('button', { name: 'Skip next Gym' })).toBeDisabled();
    expect(rentRow).toHaveTextContent('Next: Dec 1, 2026');
    // Its first occurrence in reach is skipped: the next is the one after.
    expect(screen.getByRole('listitem', { name: 'Salary' })).toHaveTextContent(
      'Next: Dec 31, 2026',
    );

    const upcoming = screen.getByRole('region', { name: 'Upcoming, next 30 days' });
    const items = within(upcoming).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent('Skipped');
    expect(items[1]).toHaveTextContent('Rent');
    expect(defined(api.requestsTo(UPCOMING)[0], 'the upcoming request').url).toContain('days=30');
  });

  it('pauses a rule and skips its next occurrence', async () => {
    const rent = aRule({ name: 'Rent' });
    const api = network({
      [RULES]: json(aRuleList([rent])),
      [UPCOMING]: json({
        items: [anOccurrence(rent, '2026-12-01'), anOccurrence(rent, '2027-01-01')],
      }),
      [`POST /api/v1/recurring/${rent.id}/pause`]: json({ ...rent, paused: true }),
      [`POST /api/v1/recurring/${rent.id}/skip`]: json({ ruleId: rent.id, occursOn: '2026-12-01' }),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Pause Rent' }));
    await waitFor(() =>
      expect(api.requestsTo(`POST /api/v1/recurring/${rent.id}/pause`)).toHaveLength(1),
    );

    await user.click(screen.getByRole('button', { name: 'Skip next Rent' }));
    await waitFor(() =>
      expect(api.requestsTo(`POST /api/v1/recurring/${rent.id}/skip`)).toHaveLength(1),
    );
    const [skip] = api.requestsTo(`POST /api/v1/recurring/${rent.id}/skip`);
    expect(await bodyOf(defined(skip, 'the skip request'))).toEqual({ occursOn: '2026-12-01' });
  });

  it('checks the form before sending and shows what the API refuses beside its field', async () => {
    const api = network({
      'POST /api/v1/recurring': apiError(400, 'Validation failed', {
        dayOfMonth: ['a monthly rule needs dayOfMonth (1 to 28) or lastDayOfMonth'],
      }),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Create a rule' }));
    const dialog = screen.getByRole('dialog', { name: 'New recurring rule' });

    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }));
    expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
      'Enter a name, such as Rent',
    );
    expect(within(dialog).getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true');
    expect(api.requestsTo('POST /api/v1/recurring')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Name'), 'Rent');
    await user.type(within(dialog).getByLabelText('Amount'), '950');
    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }));
    await waitFor(() => expect(api.requestsTo('POST /api/v1/recurring')).toHaveLength(1));
    expect(
      await bodyOf(defined(api.requestsTo('POST /api/v1/recurring')[0], 'the create request')),
    ).toMatchObject({
      name: 'Rent',
      amountCents: 95_000,
      frequency: 'monthly',
      dayOfMonth: 1,
      type: 'expense',
    });
    expect(await within(dialog).findByLabelText('Day of the month')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });
});
