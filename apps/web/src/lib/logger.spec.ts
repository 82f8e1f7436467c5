import { fakeApi, json } from '../test/fake-api';
import { appLogger } from './logger';
import { defined } from '../test/defined';

describe('appLogger', () => {
  it('sends entries to the API with the build’s release and the tab’s session', async () => {
    const api = fakeApi({ 'POST /api/v1/logging/logs/batch': json({ accepted: 1 }, 202) });
    appLogger().warn('Slow chart', { widget: 'donut' });
    await appLogger().flush();

    const request = defined(api.requestsTo('POST /api/v1/logging/logs/batch')[0]);
    const { entries } = (await request.json()) as { entries: unknown };
    expect(entries).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'Slow chart',
        release: 'test-release',
        sessionId: sessionStorage.getItem('ledgerlens.logSessionId'),
      }),
    ]);
  });
});
