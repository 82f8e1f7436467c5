import { screen } from '@testing-library/react';
import { fakeApi, json } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { LocalTime } from '../../ui';
import { somePreferences } from './testing/factories';
import { useFormatPreferences } from './use-format-preferences';

const GET = 'GET /api/v1/users/me/preferences';
const MOMENT = '2026-11-21T23:30:00Z';

function SignedInApp() {
  useFormatPreferences();
  return <LocalTime iso={MOMENT} />;
}

describe('useFormatPreferences', () => {
  it('writes times in the defaults until the preferences arrive, then as they say', async () => {
    let answer: (response: Response) => void = () => undefined;
    fakeApi({ [GET]: () => new Promise<Response>((resolve) => (answer = resolve)) });
    renderPage(<SignedInApp />);
    expect(screen.getByText('Nov 21, 2026, 11:30:00 PM')).toBeInTheDocument();

    answer(json(somePreferences({ timeZone: 'Europe/Berlin', dateFormat: 'de-DE' })));
    expect(await screen.findByText('22.11.2026, 00:30:00')).toBeInTheDocument();
  });

  it('keeps the defaults when the preferences cannot be loaded', async () => {
    const api = fakeApi({});
    renderPage(<SignedInApp />);
    await screen.findByText('Nov 21, 2026, 11:30:00 PM');
    expect(api.requestsTo(GET)).toHaveLength(1);
  });
});
