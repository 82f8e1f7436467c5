import { act, screen, within } from '@testing-library/react';
import { apiError, fakeApi, json, pending } from '../../test/fake-api';
import { aSession, aUser } from '../../test/factories/session';
import { renderPage } from '../../test/render';
import { useSession } from '../session';
import { NotificationSettingsPage } from './NotificationSettingsPage';
import { somePreferences } from './testing/factories';
import { defined } from '../../test/defined';

const PREFERENCES = '/api/v1/users/me/preferences';
const GET = `GET ${PREFERENCES}`;
const PATCH = `PATCH ${PREFERENCES}`;

const show = () => {
  act(() =>
    useSession.getState().signedIn(aSession({ user: aUser({ email: 'ada@example.com' }) })),
  );
  return renderPage(<NotificationSettingsPage />, { url: '/settings/notifications' });
};
const emailSwitch = () =>
  screen.findByRole('switch', { name: 'Email me when a budget crosses a threshold' });

describe('NotificationSettingsPage', () => {
  it('shows a skeleton while the settings load', () => {
    fakeApi({ [GET]: pending });
    show();
    expect(screen.getByRole('status', { name: 'Loading your settings' })).toBeInTheDocument();
  });

  it('shows the stored setting and the address emails go to', async () => {
    fakeApi({ [GET]: json(somePreferences({ budgetAlertEmails: true })) });
    show();
    const control = await emailSwitch();
    expect(control).toBeChecked();
    expect(control).toHaveAccessibleDescription(expect.stringContaining('ada@example.com'));
    expect(screen.getByText(/the address you sign in with/)).toHaveTextContent(
      'Sent to ada@example.com, the address you sign in with. Notifications in the app come either way.',
    );
    expect(screen.getByRole('link', { name: 'See your notifications' })).toHaveAttribute(
      'href',
      '/notifications',
    );
  });

  it('saves the switch at once and says so', async () => {
    let answer: (response: Response) => void = () => undefined;
    const api = fakeApi({
      [GET]: json(somePreferences({ budgetAlertEmails: false })),
      [PATCH]: () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { user } = show();
    const control = await emailSwitch();

    await user.click(control);
    expect(control).toBeChecked();
    expect(control).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Saving…')).toBeInTheDocument();
    expect(await defined(api.requestsTo(PATCH)[0]).json()).toEqual({ budgetAlertEmails: true });

    // A second flip while saving is not sent.
    await user.click(control);
    expect(api.requestsTo(PATCH)).toHaveLength(1);

    await act(async () => answer(json(somePreferences({ budgetAlertEmails: true }))));
    expect(await screen.findByText('Budget alerts will be emailed to you too')).toBeInTheDocument();
    expect(control).toBeChecked();
    expect(control).not.toHaveAttribute('aria-disabled');
  });

  it('turns the emails off', async () => {
    const api = fakeApi({
      [GET]: json(somePreferences({ budgetAlertEmails: true })),
      [PATCH]: json(somePreferences({ budgetAlertEmails: false })),
    });
    const { user } = show();
    await user.click(await emailSwitch());
    expect(await screen.findByText('Budget alerts will no longer be emailed')).toBeInTheDocument();
    expect(await emailSwitch()).not.toBeChecked();
    expect(await defined(api.requestsTo(PATCH)[0]).json()).toEqual({ budgetAlertEmails: false });
  });

  it('puts the switch back and says why when saving fails', async () => {
    fakeApi({
      [GET]: json(somePreferences({ budgetAlertEmails: false })),
      [PATCH]: apiError(503, 'The database is unavailable'),
    });
    const { user } = show();
    const control = await emailSwitch();
    await user.click(control);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Your setting was not saved: The database is unavailable. Reference: ffffffff',
    );
    expect(control).not.toBeChecked();
    expect(control).toHaveAttribute('aria-invalid', 'true');
    expect(control).toHaveAccessibleDescription(
      expect.stringMatching(/was not saved: The database is unavailable\.$/),
    );
  });

  it('shows the API’s message for the field in words when it refuses the value', async () => {
    fakeApi({
      [GET]: json(somePreferences()),
      [PATCH]: apiError(400, 'Validation failed', {
        budgetAlertEmails: ['budgetAlertEmails must be true or false'],
      }),
    });
    const { user } = show();
    await user.click(await emailSwitch());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your setting was not saved: Budget alert emails must be true or false.',
    );
  });

  it('explains a failed load and loads again on retry', async () => {
    const api = fakeApi({ [GET]: apiError(503, 'The database is unavailable') });
    const { user } = show();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your settings could not be loaded');
    expect(alert).toHaveTextContent('The database is unavailable');

    api.on(GET, json(somePreferences({ budgetAlertEmails: true })));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await emailSwitch()).toBeChecked();
  });
});
