import { createTestApp, registerUser, TestApp } from './support/test-app';

/** Issue 20, "Preferences": default currency, time zone, first day of the week, formats. */
describe('user preferences', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const patch = (auth: { Authorization: string }, body: object) =>
    testApp.http.patch('/api/v1/users/me/preferences').set(auth).send(body);

  it('starts from the defaults and keeps what is changed, leaving the rest', async () => {
    const user = await registerUser(testApp, 'prefs-defaults');
    const initial = await testApp.http
      .get('/api/v1/users/me/preferences')
      .set(user.auth)
      .expect(200);
    expect(initial.body).toEqual({
      budgetAlertEmails: false,
      defaultCurrency: 'EUR',
      timeZone: 'UTC',
      firstDayOfWeek: 1,
      numberFormat: 'en-US',
      dateFormat: 'en-US',
    });
    const changed = await patch(user.auth, {
      defaultCurrency: ' nzd ',
      timeZone: 'Pacific/Auckland',
      firstDayOfWeek: 7,
      numberFormat: 'de-DE',
    }).expect(200);
    expect(changed.body).toEqual({
      budgetAlertEmails: false,
      defaultCurrency: 'NZD',
      timeZone: 'Pacific/Auckland',
      firstDayOfWeek: 7,
      numberFormat: 'de-DE',
      dateFormat: 'en-US',
    });
    const read = await testApp.http.get('/api/v1/users/me/preferences').set(user.auth).expect(200);
    expect(read.body).toEqual(changed.body);
    const [row] = await testApp.dataSource.query(
      `SELECT time_zone, first_day_of_week FROM users WHERE id = $1`,
      [user.id],
    );
    expect(row).toEqual({ time_zone: 'Pacific/Auckland', first_day_of_week: 7 });
  });

  it('refuses each wrong value naming its field in plain words, and changes nothing', async () => {
    const user = await registerUser(testApp, 'prefs-refused');
    const refused = await patch(user.auth, {
      timeZone: 'Mars/Olympus_Mons',
      defaultCurrency: 'EURO',
      firstDayOfWeek: 0,
      numberFormat: 'xx-XX',
      dateFormat: null,
    }).expect(400);
    expect(refused.body.details).toEqual({
      timeZone: ['timeZone must be an IANA time zone such as Europe/Berlin'],
      defaultCurrency: ['defaultCurrency must be an ISO 4217 code such as EUR'],
      firstDayOfWeek: ['firstDayOfWeek must be a weekday from 1 (Monday) to 7 (Sunday)'],
      numberFormat: [expect.stringMatching(/^numberFormat must be one of en-US, /)],
      dateFormat: [expect.stringMatching(/^dateFormat must be one of en-US, /)],
    });
    const onlyZone = await patch(user.auth, { timeZone: 'Europe/Nowhere' }).expect(400);
    expect(Object.keys(onlyZone.body.details)).toEqual(['timeZone']);
    const read = await testApp.http.get('/api/v1/users/me/preferences').set(user.auth).expect(200);
    expect(read.body).toMatchObject({ timeZone: 'UTC', defaultCurrency: 'EUR', firstDayOfWeek: 1 });
  });
});
