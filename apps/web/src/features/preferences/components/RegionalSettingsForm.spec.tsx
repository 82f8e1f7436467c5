import { act, screen, within } from '@testing-library/react';
import { defined } from '../../../test/defined';
import { aSession } from '../../../test/factories/session';
import { apiError, fakeApi, json, pending } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import { useSession } from '../../session';
import { NotificationSettingsPage } from '../NotificationSettingsPage';
import { somePreferences } from '../testing/factories';

const PREFERENCES = '/api/v1/users/me/preferences';
const GET = `GET ${PREFERENCES}`;
const PATCH = `PATCH ${PREFERENCES}`;

const show = () => {
  act(() => useSession.getState().signedIn(aSession()));
  return renderPage(<NotificationSettingsPage />, { url: '/settings/notifications' });
};
const regionalForm = async () =>
  within(
    (await screen.findByRole('heading', { name: 'Regional settings' })).closest('section') ??
      document.body,
  );

describe('Regional settings', () => {
  it('is not offered while the settings load, nor when they could not be loaded', async () => {
    const api = fakeApi({ [GET]: pending });
    show();
    expect(screen.getByRole('status', { name: 'Loading your settings' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Regional settings' })).not.toBeInTheDocument();

    api.on(GET, apiError(503, 'The database is unavailable'));
    show();
    expect(await screen.findByText('Your settings could not be loaded')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Save regional settings' }),
    ).not.toBeInTheDocument();
  });

  it('shows the stored settings with examples of the chosen formats', async () => {
    fakeApi({
      [GET]: json(
        somePreferences({
          defaultCurrency: 'CHF',
          timeZone: 'Europe/Zurich',
          firstDayOfWeek: 7,
          numberFormat: 'de-CH',
          dateFormat: 'de-DE',
        }),
      ),
    });
    show();
    const form = await regionalForm();
    expect(form.getByRole('textbox', { name: 'Default currency' })).toHaveValue('CHF');
    expect(form.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Zurich');
    expect(form.getByRole('combobox', { name: 'First day of the week' })).toHaveDisplayValue(
      'Sunday',
    );
    const numbers = form.getByRole('combobox', { name: 'Number format' });
    expect(numbers).toHaveValue('de-CH');
    expect(numbers).toHaveAccessibleDescription("Example: CHF\u00a01'234'567.89");
    const dates = form.getByRole('combobox', { name: 'Date format' });
    expect(dates).toHaveValue('de-DE');
    // 14:05 UTC is 15:05 in Zurich in November.
    expect(dates).toHaveAccessibleDescription('Example: 21.11.2026, 15:05');
  });

  it('updates the examples as the choices change', async () => {
    fakeApi({ [GET]: json(somePreferences()) });
    const { user } = show();
    const form = await regionalForm();
    const numbers = form.getByRole('combobox', { name: 'Number format' });
    expect(numbers).toHaveAccessibleDescription('Example: €1,234,567.89');

    await user.selectOptions(numbers, 'de-DE');
    expect(numbers).toHaveAccessibleDescription('Example: 1.234.567,89\u00a0€');

    const zone = form.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'Asia/Tokyo');
    expect(form.getByRole('combobox', { name: 'Date format' })).toHaveAccessibleDescription(
      'Example: Nov 21, 2026, 11:05 PM',
    );
  });

  it('saves every regional setting, says so, and formats the page’s example the new way', async () => {
    let answer: (response: Response) => void = () => undefined;
    const saved = somePreferences({
      defaultCurrency: 'USD',
      timeZone: 'America/New_York',
      firstDayOfWeek: 7,
      numberFormat: 'en-GB',
      dateFormat: 'en-GB',
    });
    const api = fakeApi({
      [GET]: json(somePreferences()),
      [PATCH]: () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const { user } = show();
    const form = await regionalForm();

    await user.clear(form.getByRole('textbox', { name: 'Default currency' }));
    await user.type(form.getByRole('textbox', { name: 'Default currency' }), 'usd');
    await user.clear(form.getByRole('combobox', { name: 'Time zone' }));
    await user.type(form.getByRole('combobox', { name: 'Time zone' }), 'America/New_York');
    await user.selectOptions(form.getByRole('combobox', { name: 'First day of the week' }), '7');
    await user.selectOptions(form.getByRole('combobox', { name: 'Number format' }), 'en-GB');
    await user.selectOptions(form.getByRole('combobox', { name: 'Date format' }), 'en-GB');
    await user.click(form.getByRole('button', { name: 'Save regional settings' }));

    expect(form.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    expect(await defined(api.requestsTo(PATCH)[0]).json()).toEqual({
      defaultCurrency: 'USD',
      timeZone: 'America/New_York',
      firstDayOfWeek: 7,
      numberFormat: 'en-GB',
      dateFormat: 'en-GB',
    });

    await act(async () => answer(json(saved)));
    expect(await screen.findByText('Regional settings saved')).toBeInTheDocument();
    expect(form.getByRole('button', { name: 'Save regional settings' })).toBeEnabled();
  });

  it('checks currency and time zone before sending', async () => {
    const api = fakeApi({ [GET]: json(somePreferences()) });
    const { user } = show();
    const form = await regionalForm();
    const currency = form.getByRole('textbox', { name: 'Default currency' });
    await user.clear(currency);
    await user.type(currency, 'E1');
    await user.clear(form.getByRole('combobox', { name: 'Time zone' }));
    await user.click(form.getByRole('button', { name: 'Save regional settings' }));

    expect(currency).toHaveAccessibleDescription('Enter a currency code like EUR');
    expect(currency).toHaveFocus();
    expect(form.getByRole('combobox', { name: 'Time zone' })).toHaveAccessibleDescription(
      'Enter a time zone like Europe/Berlin',
    );
    expect(api.requestsTo(PATCH)).toHaveLength(0);
  });

  it('shows the API’s messages beside the fields it refused, in the form’s words', async () => {
    fakeApi({
      [GET]: json(somePreferences()),
      [PATCH]: apiError(400, 'Validation failed', {
        timeZone: ['timeZone must be an IANA time zone such as Europe/Berlin'],
        defaultCurrency: ['defaultCurrency must be a currency the app knows'],
      }),
    });
    const { user } = show();
    const form = await regionalForm();
    const zone = form.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    await user.click(form.getByRole('button', { name: 'Save regional settings' }));

    expect(await form.findByRole('alert')).toHaveTextContent('Check the highlighted fields.');
    expect(zone).toHaveAccessibleDescription(
      'Time zone must be an IANA time zone such as Europe/Berlin',
    );
    expect(zone).toHaveAttribute('aria-invalid', 'true');
    const currency = form.getByRole('textbox', { name: 'Default currency' });
    expect(currency).toHaveAccessibleDescription(
      'Default currency must be a currency the app knows',
    );
    expect(currency).toHaveFocus();
    expect(screen.queryByText('Regional settings saved')).not.toBeInTheDocument();
  });
});
