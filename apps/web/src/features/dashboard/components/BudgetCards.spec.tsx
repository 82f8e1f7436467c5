import { screen, within } from '@testing-library/react';
import { aBudgetAt, aBudgetList } from '../../../test/factories/budgets';
import { aCategory, aCategoryList } from '../../../test/factories/categories';
import { fakeApi, json } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import { BudgetCards } from './BudgetCards';

const groceries = aCategory({ name: 'Groceries' });
const rent = aCategory({ name: 'Rent' });
const travel = aCategory({ name: 'Travel' });
const thresholds = { alertThresholds: [50, 80, 100] };

const cardOf = (name: string) =>
  screen.getByRole('heading', { level: 3, name }).closest('li') as HTMLElement;

describe('BudgetCards', () => {
  it('marks a budget past a threshold with the highest one reached, and one over its limit', async () => {
    fakeApi({
      'GET /api/v1/budgets': json(
        aBudgetList([
          aBudgetAt(10_000, { ...thresholds, categoryId: travel.id }),
          aBudgetAt(43_000, { ...thresholds, categoryId: groceries.id }),
          aBudgetAt(53_250, { ...thresholds, categoryId: rent.id }),
        ]),
      ),
      'GET /api/v1/categories': json(aCategoryList([groceries, rent, travel])),
    });
    renderPage(<BudgetCards />);
    await screen.findAllByRole('progressbar');

    expect(within(cardOf('Rent')).getByText('Over budget')).toBeInTheDocument();
    expect(cardOf('Rent')).toHaveClass('budget-card--over');
    expect(within(cardOf('Groceries')).getByText('80% reached')).toBeInTheDocument();
    expect(cardOf('Groceries')).toHaveClass('budget-card--warning');
    expect(within(cardOf('Travel')).getByText('On track')).toBeInTheDocument();
    expect(cardOf('Travel')).toHaveClass('budget-card--on_track');
  });
});
