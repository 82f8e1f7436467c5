import { screen, within } from '@testing-library/react';
import { anAccount, anAccountList } from '../../../test/factories/accounts';
import { apiError, fakeApi, json, pending } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import { AccountBalances } from '../components/AccountBalances';

const ACCOUNTS = 'GET /api/v1/accounts';

describe('AccountBalances', () => {
  it('shows a skeleton while loading', () => {
    fakeApi({ [ACCOUNTS]: pending });
    renderPage(<AccountBalances />);
    expect(screen.getByRole('status', { name: 'Loading balances' })).toBeInTheDocument();
  });

  it('explains a failed load', async () => {
    fakeApi({ [ACCOUNTS]: apiError(503, 'The database is unavailable') });
    renderPage(<AccountBalances />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Balances could not be loaded');
  });

  it('links to the Accounts page when no account is open', async () => {
    fakeApi({ [ACCOUNTS]: json(anAccountList([anAccount({ archived: true })])) });
    renderPage(<AccountBalances />);
    expect(await screen.findByRole('link', { name: 'Add an account' })).toHaveAttribute(
      'href',
      '/accounts',
    );
  });

  it('lists the open accounts with totals per currency, archived ones left out', async () => {
    const everyday = anAccount({ name: 'Everyday', balanceCents: '150000' });
    const card = anAccount({ name: 'Visa', balanceCents: '-20000' });
    const dollars = anAccount({ name: 'US', currency: 'USD', balanceCents: '999' });
    const old = anAccount({ name: 'Old', archived: true, balanceCents: '100' });
    fakeApi({ [ACCOUNTS]: json(anAccountList([everyday, card, dollars, old])) });
    renderPage(<AccountBalances />);

    const section = await screen.findByRole('region', { name: 'Account balances' });
    await within(section).findByRole('link', { name: 'Everyday' });
    expect(within(section).getByRole('link', { name: 'Visa' }).parentElement).toHaveTextContent(
      '−€200.00',
    );
    expect(within(section).queryByText('Old')).not.toBeInTheDocument();
    expect(within(section).getByText('Total in EUR').nextSibling).toHaveTextContent('€1,300.00');
    expect(within(section).getByText('Total in USD').nextSibling).toHaveTextContent('$9.99');
  });
});
