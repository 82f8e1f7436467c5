import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './support/eventually';
import { createTestApp, registerUser, SignedInUser, TestApp } from './support/test-app';

/** Three months of a German bank's export: `;`, DD.MM.YYYY, decimal commas, a category column. */
const SAMPLE = readFileSync(join(__dirname, '../../../docs/samples/bank-export.csv'), 'utf8');
const SAMPLE_LINES = 27;

interface Summary {
  accountId: string;
  imported: number;
  duplicates: { line: number; ofLine: number | null }[];
  refused: { line: number; reason: string }[];
}

describe('CSV import (API)', () => {
  let testApp: TestApp;
  let ada: SignedInUser;
  let bob: SignedInUser;
  let adasAccount: string;

  const createAccount = async (user: SignedInUser, name: string) =>
    (
      await testApp.http
        .post('/api/v1/accounts')
        .set(user.auth)
        .send({ name, kind: 'checking', currency: 'EUR' })
        .expect(201)
    ).body.id as string;

  const importCsv = (user: SignedInUser, csv: string | Buffer, fields: Record<string, string>) => {
    let request = testApp.http.post('/api/v1/imports/csv').set(user.auth);
    for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
    return request.attach('file', Buffer.from(csv), 'bank-export.csv');
  };

  /** Live transactions of an account, counted past Row-Level Security. */
  const storedIn = async (accountId: string) =>
    Number(
      (
        await testApp.dataSource.query(
          `SELECT count(*) AS n FROM transactions WHERE account_id = $1 AND deleted_at IS NULL`,
          [accountId],
        )
      )[0].n,
    );

  beforeAll(async () => {
    testApp = await createTestApp();
    ada = await registerUser(testApp, 'ada');
    bob = await registerUser(testApp, 'bob');
    adasAccount = await createAccount(ada, 'Girokonto');
    for (const [name, kind] of [
      ['Lebensmittel', 'expense'],
      ['Gehalt', 'income'],
    ]) {
      await testApp.http.post('/api/v1/categories').set(ada.auth).send({ name, kind }).expect(201);
    }
  });
  afterAll(() => testApp.close());

  it('previews the sample as it will be stored, detecting how it is written', async () => {
    const preview = await testApp.http
      .post('/api/v1/imports/csv/preview')
      .set(ada.auth)
      .attach('file', Buffer.from(SAMPLE), 'bank-export.csv')
      .expect(200);
    expect(preview.body).toMatchObject({
      settings: {
        delimiter: ';',
        hasHeader: true,
        dateFormat: 'DD.MM.YYYY',
        decimalSeparator: ',',
        columns: { date: 0, description: 1, amount: 2, category: 3 },
      },
      header: ['Buchungstag', 'Verwendungszweck', 'Betrag (EUR)', 'Kategorie'],
      ambiguousDateFormats: [],
      totalRows: SAMPLE_LINES,
      refusedCount: 0,
      refused: [],
    });
    expect(preview.body.rows).toHaveLength(20);
    expect(preview.body.rows[1]).toMatchObject({
      line: 3,
      occurredOn: '2026-09-03',
      amountCents: 8919,
      type: 'expense',
      description: 'REWE Markt Berlin',
      categoryName: 'Lebensmittel',
      categoryId: expect.any(String),
    });
    // "Miete" is no category of Ada's: stored without one.
    expect(preview.body.rows[0]).toMatchObject({ categoryName: 'Miete', categoryId: null });
    expect(await storedIn(adasAccount)).toBe(0);
  });

  it('imports three months, skipping a repeated line and one already stored, in one go', async () => {
    await testApp.http
      .post('/api/v1/transactions')
      .set(ada.auth)
      .send({
        accountId: adasAccount,
        type: 'expense',
        amountCents: 1240,
        currency: 'EUR',
        description: 'Apotheke am Markt',
        occurredOn: '2026-09-08',
      })
      .expect(201);
    const repeated = '19.09.2026;Netflix;-13,99;Freizeit\n';
    const response = await importCsv(ada, SAMPLE + repeated, { accountId: adasAccount }).expect(
      201,
    );
    const summary = response.body as Summary;
    expect(summary).toEqual({
      accountId: adasAccount,
      imported: SAMPLE_LINES - 1,
      duplicates: [
        { line: 5, ofLine: null },
        { line: 29, ofLine: 7 },
      ],
      refused: [],
    });
    expect(await storedIn(adasAccount)).toBe(SAMPLE_LINES);

    const salaries = await testApp.http
      .get('/api/v1/transactions?q=Gehalt&limit=10')
      .set(ada.auth)
      .expect(200);
    expect(salaries.body.items).toHaveLength(3);
    expect(salaries.body.items[0]).toMatchObject({
      type: 'income',
      amountCents: 325_000,
      currency: 'EUR',
      accountId: adasAccount,
      category: { name: 'Gehalt' },
    });

    // The same file again: every line is a duplicate now, nothing is added.
    const again = (await importCsv(ada, SAMPLE, { accountId: adasAccount }).expect(201))
      .body as Summary;
    expect(again.imported).toBe(0);
    expect(again.duplicates).toHaveLength(SAMPLE_LINES);
    expect(await storedIn(adasAccount)).toBe(SAMPLE_LINES);
  });

  it('records the import in the action log and each transaction in the row history', async () => {
    const account = await createAccount(ada, 'Audited');
    const response = await importCsv(ada, SAMPLE, { accountId: account }).expect(201);
    const traceId = response.headers['x-trace-id'];
    const [event] = await eventually(async () => {
      const rows = await testApp.dataSource.query(
        `SELECT action, result, actor_id, metadata FROM audit_events WHERE trace_id = $1`,
        [traceId],
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(event).toMatchObject({
      action: 'transaction.import',
      result: 'success',
      actor_id: ada.id,
    });
    expect(JSON.stringify(event.metadata)).not.toContain('REWE');
    const [{ n }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_changes
       WHERE table_name = 'transactions' AND action = 'INSERT' AND trace_id = $1 AND user_id = $2`,
      [traceId, ada.id],
    );
    expect(n).toBe(SAMPLE_LINES);
  });

  it('refuses a file with bad lines, naming each, and writes nothing', async () => {
    const account = await createAccount(ada, 'Refusals');
    const bad =
      SAMPLE +
      '31.11.2026;Nirgendwo;-1,00;\n' +
      '30.11.2026;Kaffee;zwölf;\n' +
      '30.11.2026;;-2,00;\n';
    const refused = await importCsv(ada, bad, { accountId: account }).expect(422);
    expect(refused.body.message).toBe(
      '3 lines cannot be imported, so nothing was: correct them or import with skipInvalidRows',
    );
    expect(refused.body.details).toEqual({
      'line 29': ["date '31.11.2026' is not a date as DD.MM.YYYY"],
      'line 30': ["amount 'zwölf' is not an amount"],
      'line 31': ['description is empty'],
    });
    expect(await storedIn(account)).toBe(0);

    const skipped = await importCsv(ada, bad, {
      accountId: account,
      skipInvalidRows: 'true',
    }).expect(201);
    expect((skipped.body as Summary).imported).toBe(SAMPLE_LINES);
    expect((skipped.body as Summary).refused.map((line) => line.line)).toEqual([29, 30, 31]);
    expect(await storedIn(account)).toBe(SAMPLE_LINES);
  });

  it('refuses files it cannot read with a message under file, writing nothing', async () => {
    const account = await createAccount(ada, 'Bad files');
    const latin1 = Buffer.from('Datum;Text;Betrag\n01.02.2026;M\xfcller;-1,00\n', 'latin1');
    const encoding = await importCsv(ada, latin1, { accountId: account }).expect(400);
    expect(encoding.body.details.file[0]).toMatch(/^The file is not UTF-8 text \(line 2 /);

    const noAmount = await importCsv(ada, 'Datum;Text\n01.02.2026;Kaffee\n', {
      accountId: account,
    }).expect(400);
    expect(Object.keys(noAmount.body.details)).toEqual(['amountColumn']);

    const ambiguous = await importCsv(ada, 'Date,Payee,Amount\n01/02/2026,Tea,-1.00\n', {
      accountId: account,
    }).expect(400);
    expect(ambiguous.body.details.dateFormat).toEqual([
      'DD/MM/YYYY and MM/DD/YYYY both read every date; choose which one the file uses',
    ]);

    const missing = await testApp.http
      .post('/api/v1/imports/csv')
      .set(ada.auth)
      .field('accountId', account)
      .expect(400);
    expect(missing.body.details.file).toEqual([
      'Choose a CSV file to upload (the form field file).',
    ]);
    expect(await storedIn(account)).toBe(0);
  });

  it('refuses a file over 10 MB with 413 and a clear message', async () => {
    const line = '01.02.2026;Kaffee;-1,00\n';
    const huge = 'Datum;Text;Betrag\n' + line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    const account = await createAccount(ada, 'Too large');
    const response = await importCsv(ada, huge, { accountId: account }).expect(413);
    expect(response.body.message).toMatch(/^The file is larger than 10 MB/);
    expect(response.body.details.file).toEqual([response.body.message]);
    expect(await storedIn(account)).toBe(0);
  });

  it('refuses a compressed upload with 415 instead of reading it as garbled lines', async () => {
    const account = await createAccount(ada, 'Compressed');
    const response = await importCsv(ada, SAMPLE, { accountId: account })
      .set('Content-Encoding', 'gzip')
      .expect(415);
    expect(response.body.details.file[0]).toMatch(/Content-Encoding gzip/);
    expect(await storedIn(account)).toBe(0);
  });

  it("answers 404 for another user's account, and imports nothing into it", async () => {
    const bobsAccount = await createAccount(bob, 'Bobs');
    const response = await importCsv(ada, SAMPLE, { accountId: bobsAccount }).expect(404);
    expect(response.body.details).toEqual({ accountId: ['account not found'] });
    expect(await storedIn(bobsAccount)).toBe(0);
  });

  it('validates the settings fields with field messages', async () => {
    const response = await importCsv(ada, SAMPLE, {
      accountId: 'not-a-uuid',
      delimiter: 'x',
      dateColumn: '-1',
      skipInvalidRows: 'maybe',
    }).expect(400);
    expect(Object.keys(response.body.details).sort()).toEqual([
      'accountId',
      'dateColumn',
      'delimiter',
      'skipInvalidRows',
    ]);
  });
});
