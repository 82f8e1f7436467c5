import { screen, waitFor, within } from '@testing-library/react';
import { apiError, bodyOf, fakeApi, type FakeRoute, json, pending } from '../../../test/fake-api';
import { defined } from '../../../test/defined';
import { renderPage } from '../../../test/render';
import { GoalsPage } from '../GoalsPage';
import { aGoal, anAccount, aPage, preferencesWith } from './goal-fixtures';

const GOALS = 'GET /api/v1/goals';
const ACCOUNTS = 'GET /api/v1/accounts';
const PREFERENCES = 'GET /api/v1/users/me/preferences';

function network(routes: Record<string, FakeRoute | Response> = {}) {
  return fakeApi({
    [GOALS]: json(aPage([])),
    [ACCOUNTS]: json(aPage([])),
    [PREFERENCES]: json(preferencesWith('CHF')),
    ...routes,
  });
}

const show = () => renderPage(<GoalsPage />, { url: '/goals', path: '/goals' });

describe('GoalsPage', () => {
  it('shows a skeleton while the goals load', () => {
    network({ [GOALS]: pending });
    show();
    expect(screen.getByRole('status', { name: 'Loading goals' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New goal' })).toBeDisabled();
  });

  it('explains a failed load and retries what failed', async () => {
    const api = network({ [GOALS]: apiError(500, 'Internal server error') });
    const { user } = show();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Goals could not be loaded');
    expect(alert).toHaveTextContent('Internal server error');

    api.on(GOALS, json(aPage([])));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No savings goals yet')).toBeInTheDocument();
    expect(api.requestsTo(GOALS)).toHaveLength(2);
    expect(api.requestsTo(ACCOUNTS)).toHaveLength(1);
  });

  it('offers to create the first goal', async () => {
    network();
    const { user } = show();
    expect(await screen.findByText('No savings goals yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create a goal' }));
    expect(screen.getByRole('dialog', { name: 'New savings goal' })).toBeVisible();
  });

  it('shows each goal with its progress, what it needs a month, its projection and "Reached"', async () => {
    const account = anAccount({ name: 'Rainy-day account' });
    const holiday = aGoal({ name: 'Holiday' });
    const bike = aGoal(
      { name: 'Bike', targetDate: null, accountId: account.id, targetCents: 80_000 },
      {
        savedCents: '80500',
        remainingCents: '0',
        percent: 100,
        neededPerMonthCents: null,
        projectedMonth: null,
        reached: true,
      },
    );
    const stalled = aGoal(
      { name: 'Car', targetDate: null },
      { paceCents: '0', projectedMonth: null, neededPerMonthCents: null },
    );
    const shrinking = aGoal({ name: 'Rainy day' }, { paceCents: '-2500', projectedMonth: null });
    network({
      [GOALS]: json(aPage([holiday, { ...bike, reachedOn: '2026-11-20' }, stalled, shrinking])),
      [ACCOUNTS]: json(aPage([account])),
    });
    show();

    const holidayCard = await screen.findByRole('listitem', { name: 'Holiday' });
    const bar = within(holidayCard).getByRole('progressbar', { name: 'Holiday progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '€375.00 of €1,500.00 (25%)');
    expect(holidayCard).toHaveTextContent('Fed by contributions · by Jun 30, 2027');
    expect(holidayCard).toHaveTextContent('Needed per month: €160.72');
    expect(holidayCard).toHaveTextContent('At this pace: May 2027');
    expect(within(holidayCard).queryByText('Reached')).not.toBeInTheDocument();

    const bikeCard = screen.getByRole('listitem', { name: 'Bike' });
    expect(within(bikeCard).getByText('Reached')).toHaveClass('badge');
    expect(bikeCard).toHaveTextContent('Follows Rainy-day account');
    expect(bikeCard).toHaveTextContent('Reached on Nov 20, 2026');
    expect(bikeCard).not.toHaveTextContent('Needed per month');
    // A linked goal follows its account: no money is added by hand.
    expect(within(bikeCard).queryByRole('button', { name: 'Add money to Bike' })).toBeNull();

    expect(screen.getByRole('listitem', { name: 'Car' })).toHaveTextContent(
      'Nothing saved over the last three months',
    );
    expect(screen.getByRole('listitem', { name: 'Rainy day' })).toHaveTextContent(
      'Savings shrank over the last three months',
    );
  });

  it('checks a new goal, sends it in the default currency, and shows what the API refuses', async () => {
    const account = anAccount({ name: 'USD savings', currency: 'USD' });
    const api = network({
      [ACCOUNTS]: json(aPage([account])),
      'POST /api/v1/goals': apiError(400, 'Validation failed', {
        targetDate: ['targetDate must be a date written YYYY-MM-DD'],
      }),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Create a goal' }));
    const dialog = screen.getByRole('dialog', { name: 'New savings goal' });
    expect(within(dialog).getByLabelText('Currency')).toHaveValue('CHF');

    await user.click(within(dialog).getByRole('button', { name: 'Create goal' }));
    expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
      'Enter a name, such as Holiday',
    );
    expect(within(dialog).getByLabelText('Target amount')).toHaveAttribute('aria-invalid', 'true');
    expect(api.requestsTo('POST /api/v1/goals')).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Name'), 'Holiday');
    await user.type(within(dialog).getByLabelText('Target amount'), '1500');
    await user.click(within(dialog).getByRole('button', { name: 'Create goal' }));
    await waitFor(() => expect(api.requestsTo('POST /api/v1/goals')).toHaveLength(1));
    expect(
      await bodyOf(defined(api.requestsTo('POST /api/v1/goals')[0], 'the create request')),
    ).toEqual({
      name: 'Holiday',
      targetCents: 150_000,
      currency: 'CHF',
      targetDate: null,
      accountId: null,
    });
    expect(await within(dialog).findByLabelText('Reach it by')).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    // Linking an account puts the goal in the account's currency.
    await user.selectOptions(within(dialog).getByLabelText('Saved in'), account.id);
    expect(within(dialog).getByLabelText('Currency')).toHaveValue('USD');
    expect(within(dialog).getByLabelText('Currency')).toBeDisabled();
  });

  it('adds money to a manual goal, and takes some out as a negative contribution', async () => {
    const goal = aGoal({ name: 'Holiday' });
    const contributions = `POST /api/v1/goals/${goal.id}/contributions`;
    const api = network({
      [GOALS]: json(aPage([goal])),
      [contributions]: json(
        { id: goal.id, goalId: goal.id, amountCents: -5_000, contributedOn: '2026-12-01' },
        201,
      ),
    });
    const { user } = show();
    await user.click(await screen.findByRole('button', { name: 'Add money to Holiday' }));
    const dialog = screen.getByRole('dialog', { name: 'Add money to Holiday' });
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getByLabelText('Amount')).toHaveAttribute('aria-invalid', 'true');

    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'out');
    await user.type(within(dialog).getByLabelText('Amount'), '50');
    await user.type(within(dialog).getByLabelText('Note'), 'Train tickets');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(api.requestsTo(contributions)).toHaveLength(1));
    expect(
      await bodyOf(defined(api.requestsTo(contributions)[0], 'the contribution request')),
    ).toMatchObject({ amountCents: -5_000, note: 'Train tickets' });
    expect(await screen.findByText('Money taken out of Holiday')).toBeInTheDocument();
    // The goals are read again for their new progress.
    await waitFor(() => expect(api.requestsTo(GOALS)).toHaveLength(2));
  });
});
