import { BuiltApi, freePort, startBuiltApi } from '../../harness';
import { SERVER_URL_ENV } from '../support/test-database';
import { recordFaultFigures } from './support/fault-figures';
import { signUp } from './support/sign-up';

/** The API must be serving within this long although Redis never answers. */
const START_LIMIT_MS = 30_000;

/**
 * REDIS_URL names a port where nothing listens: the API still starts and serves every request as
 * a single node (sign-up, signed-in reads and writes), says so in a clear warning, and does not
 * spend minutes retrying.
 */
describe('Redis gone', () => {
  let api: BuiltApi | undefined;
  afterAll(() => api?.stop());

  it('serves as one node with a clear warning', async () => {
    const redisPort = await freePort();
    const startedAt = Date.now();
    api = await startBuiltApi(process.env[SERVER_URL_ENV] as string, 'redis_gone', {
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      LOG_LEVEL: 'info',
    });
    const startMs = Date.now() - startedAt;

    const user = await signUp(api.baseUrl, 'no-redis');
    const auth = { Authorization: `Bearer ${user.token}`, 'Content-Type': 'application/json' };
    const requestStartedAt = Date.now();
    const created = await fetch(`${api.baseUrl}/api/v1/transactions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        amountCents: 1250,
        currency: 'EUR',
        description: 'without Redis',
        type: 'expense',
        occurredOn: '2026-11-03',
      }),
    });
    const listed = await fetch(`${api.baseUrl}/api/v1/transactions`, { headers: auth });
    const requestsMs = Date.now() - requestStartedAt;
    const warnings = api
      .output()
      .split('\n')
      .filter((line) => /redis/i.test(line) && /"level":(40|50)/.test(line));

    recordFaultFigures('redis-gone', {
      startMs,
      requestsMs,
      created: created.status,
      listed: listed.status,
      warnings: warnings.length,
    });
    expect({ created: created.status, listed: listed.status }).toEqual({
      created: 201,
      listed: 200,
    });
    expect(startMs).toBeLessThan(START_LIMIT_MS);
    expect(requestsMs).toBeLessThan(5000);
    expect(warnings.join('\n')).toMatch(/single|one node|this instance only/i);
  }, 120_000);
});
