import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

/**
 * Budget periods follow the user's time zone and first day of the week (issue 20), at an
 * instant near a month's end.
 */
describe('budget periods in the user’s time zone', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());
  afterEach(() => jest.restoreAllMocks());

  /** The API's clock (`Date.now`) at a fixed instant; timers and the database run as always. */
  const setClock = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso));

  async function userIn(timeZone: string, firstDayOfWeek = 1): Promise<SignedInUser> {
    const user = await registerUser(testApp, timeZone.replace(/\W/g, '-').toLowerCase());
    await testApp.http
      .patch('/api/v1/users/me/preferences')
      .set(user.auth)
      .send({ timeZone, firstDayOfWeek })
      .expect(200);
    return user;
  }

  const budget = (user: SignedInUser, period: string) =>
    testApp.http
      .post('/api/v1/budgets')
      .set(user.auth)
      .send({ period, limitCents: 10_000, currency: 'EUR', startDate: '2020-01-01' })
      .expect(201);

  const spend = (user: SignedInUser, occurredOn: string, amountCents: number) =>
    testApp.http
      .post('/api/v1/transactions')
      .set(user.auth)
      .send({ type: 'expense', amountCents, currency: 'EUR', description: 'x', occurredOn })
      .expect(201);

  it('sees December in Auckland and November in Los Angeles at the same instant', async () => {
    // 30 Nov 2026 12:00 UTC: already 1 Dec in Auckland (UTC+13), still 30 Nov in L.A. (UTC−8).
    setClock('2026-11-30T12:00:00Z');
    const auckland = await userIn('Pacific/Auckland');
    const losAngeles = await userIn('America/Los_Angeles');
    const inAuckland = await budget(auckland, 'monthly');
    const inLosAngeles = await budget(losAngeles, 'monthly');
    expect(inAuckland.body).toMatchObject({ periodStart: '2026-12-01', periodEnd: '2026-12-31' });
    expect(inLosAngeles.body).toMatchObject({ periodStart: '2026-11-01', periodEnd: '2026-11-30' });

    // Each counts the spending of its own month: the 30th for one, the 1st for the other.
    for (const user of [auckland, losAngeles]) {
      await spend(user, '2026-11-30', 300);
      await spend(user, '2026-12-01', 500);
    }
    const read = async (user: SignedInUser, id: string) =>
      (await testApp.http.get(`/api/v1/budgets/${id}`).set(user.auth).expect(200)).body;
    expect(await read(auckland, inAuckland.body.id)).toMatchObject({ spentCents: '500' });
    expect(await read(losAngeles, inLosAngeles.body.id)).toMatchObject({ spentCents: '300' });
  });

  it('starts weeks on the user’s first day of the week', async () => {
    setClock('2026-12-02T12:00:00Z'); // a Wednesday in UTC
    const monday = await userIn('UTC', 1);
    const sunday = await userIn('UTC', 7);
    const thursday = await userIn('UTC', 4);
    expect((await budget(monday, 'weekly')).body).toMatchObject({
      periodStart: '2026-11-30',
      periodEnd: '2026-12-06',
    });
    expect((await budget(sunday, 'weekly')).body).toMatchObject({
      periodStart: '2026-11-29',
      periodEnd: '2026-12-05',
    });
    expect((await budget(thursday, 'weekly')).body).toMatchObject({
      periodStart: '2026-11-26',
      periodEnd: '2026-12-02',
    });
  });
});
