import { screen, waitFor, within } from '@testing-library/react';
import { aBudget } from '../../../test/factories/budgets';
import { apiError, fakeApi } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import { Dialog } from '../../../ui';
import type { BudgetView } from '../api/use-budget-views';
import { BudgetForm } from './BudgetForm';

const showForm = (editing?: BudgetView) =>
  renderPage(
    <Dialog open title="Budget" onClose={() => undefined}>
      <BudgetForm
        editing={editing}
        categories={[]}
        defaultCurrency="EUR"
        onDone={() => undefined}
      />
    </Dialog>,
  );

describe('BudgetForm', () => {
  it('opens on its first field and checks every field before sending', async () => {
    const network = fakeApi();
    const { user } = showForm();
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText('Category')).toHaveFocus();
    await user.clear(within(dialog).getByLabelText('Currency'));
    await user.click(within(dialog).getByRole('button', { name: 'Create budget' }));

    const currency = within(dialog).getByLabelText('Currency');
    expect(currency).toHaveAccessibleDescription('Enter a currency code like EUR');
    expect(currency).toHaveFocus();
    expect(within(dialog).getByLabelText('Limit')).toHaveAccessibleDescription(
      'Enter an amount like 12.50',
    );
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(network.requests).toHaveLength(0);
  });

  it("words the API's messages after the labels, with the banner and its reference on top", async () => {
    fakeApi({
      'POST /api/v1/budgets': apiError(400, 'Validation failed', {
        limitCents: ['limitCents must be at most 100000000000000'],
        'alertThresholds.0': ['each alert threshold must be at most 1000 percent'],
      }),
    });
    const { user } = showForm();
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Limit'), '500');
    await user.click(within(dialog).getByRole('button', { name: 'Create budget' }));

    const limit = within(dialog).getByLabelText('Limit');
    await waitFor(() => expect(limit).toHaveFocus());
    expect(limit).toHaveAccessibleDescription('Limit must be at most 100000000000000');
    expect(within(dialog).getByLabelText('Alert thresholds (%)')).toHaveAccessibleDescription(
      'Each alert threshold must be at most 1000 percent',
    );
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('Check the highlighted fields. Reference: ffffffff');
    expect(alert.parentElement?.firstElementChild).toBe(alert);
  });

  it('says why an edit failed when no field explains it', async () => {
    const budget = aBudget();
    fakeApi({ [`PATCH /api/v1/budgets/${budget.id}`]: apiError(404, 'Budget not found') });
    const { user } = showForm({ budget, name: 'All spending' });
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByLabelText('Period')).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Save budget' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Budget not found Reference: ffffffff',
    );
  });
});
