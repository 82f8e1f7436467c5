import { screen } from '@testing-library/react';
import { renderPage } from '../../../test/render';
import { NotificationSettingsLink } from './NotificationSettingsLink';

describe('NotificationSettingsLink', () => {
  it('names where its icon leads', async () => {
    const { user, router } = renderPage(<NotificationSettingsLink />, { url: '/budgets' });
    const link = screen.getByRole('link', { name: 'Settings' });
    expect(link).toHaveAttribute('href', '/settings/notifications');
    await user.click(link);
    expect(router.state.location.pathname).toBe('/settings/notifications');
  });
});
