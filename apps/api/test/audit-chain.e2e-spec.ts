import { Pool } from 'pg';
import { AuditChainVerifier } from '../src/modules/audit/audit-chain.verifier';
import { auditChangeIds, tamperWithAuditChanges } from './support/tamper';
import { createTestApp, registerUser, TestApp } from './support/test-app';

const WRITERS = 8;
const TRANSACTIONS_PER_WRITER = 500;

describe('row history hash chain under concurrent writers', () => {
  let testApp: TestApp;
  let verifier: AuditChainVerifier;
  let pool: Pool;
  let userId: string;

  const sql = (text: string, params: unknown[] = []) => testApp.dataSource.query(text, params);

  beforeAll(async () => {
    testApp = await createTestApp();
    verifier = testApp.app.get(AuditChainVerifier);
    userId = (await registerUser(testApp, 'writer')).id;
    pool = new Pool({ connectionString: testApp.databaseUrl, max: WRITERS });
  });
  afterAll(async () => {
    await pool.end();
    await testApp.close();
  });

  /**
   * Each transaction inserts a row and updates one row that every writer shares, half of the
   * writers in the opposite order: a trigger that locked the chain as soon as it ran would
   * deadlock here; one that read the chain head without a lock would fork the chain.
   */
  async function writer(index: number): Promise<void> {
    const client = await pool.connect();
    try {
      for (let i = 0; i < TRANSACTIONS_PER_WRITER; i++) {
        const insert = () =>
          client.query(`INSERT INTO categories (user_id, name, kind) VALUES ($1, $2, 'expense')`, [
            userId,
            `w${index}-${i}`,
          ]);
        const touchShared = () =>
          client.query(`UPDATE categories SET color = $2 WHERE user_id = $1 AND name = 'shared'`, [
            userId,
            `#${((index * TRANSACTIONS_PER_WRITER + i) % 0xffffff).toString(16).padStart(6, '0')}`,
          ]);
        await client.query('BEGIN');
        if (index % 2 === 0) {
          await insert();
          await touchShared();
        } else {
          await touchShared();
          await insert();
        }
        await client.query('COMMIT');
      }
    } finally {
      client.release();
    }
  }

  it(`stays one unbroken chain after ${WRITERS} connections × ${TRANSACTIONS_PER_WRITER} concurrent transactions`, async () => {
    await sql(`INSERT INTO categories (user_id, name, kind) VALUES ($1, 'shared', 'expense')`, [
      userId,
    ]);
    const [{ n: before }] = await sql(`SELECT count(*)::int AS n FROM audit_changes`);

    await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));

    const [{ n: after }] = await sql(`SELECT count(*)::int AS n FROM audit_changes`);
    // One INSERT and one UPDATE per transaction; an unchanged colour would record nothing.
    expect(after - before).toBeGreaterThanOrEqual(WRITERS * TRANSACTIONS_PER_WRITER + 1);
    const forks = await sql(
      `SELECT count(*)::int AS n FROM (SELECT hash FROM audit_changes GROUP BY hash HAVING count(*) > 1) d`,
    );
    expect(forks[0].n).toBe(0);
    expect(await verifier.verify()).toEqual({ ok: true, checked: after });
  }, 120_000);

  it('hashes the stored microseconds: a chain written fast, in one transaction, verifies', async () => {
    await sql(
      `INSERT INTO categories (user_id, name, kind)
       SELECT $1, 'bulk-' || g, 'income' FROM generate_series(1, 300) g`,
      [userId],
    );
    expect(await verifier.verify()).toMatchObject({ ok: true });
  });

  describe('after tampering by a superuser with the triggers off', () => {
    const ids = () => auditChangeIds((text) => sql(text));
    const tamper = (statement: string) => tamperWithAuditChanges(testApp.databaseUrl, statement);

    it('reports a cut tail', async () => {
      const all = await ids();
      await tamper(`DELETE FROM audit_changes WHERE id = ${all.at(-1)}`);
      expect(await verifier.verify()).toMatchObject({
        ok: false,
        checked: all.length - 1,
        firstBrokenId: all.at(-1),
        reason: expect.stringMatching(/end/),
      });
    });

    it('reports the row after a removed one', async () => {
      const all = await ids();
      await tamper(`DELETE FROM audit_changes WHERE id = ${all[10]}`);
      expect(await verifier.verify()).toMatchObject({ ok: false, firstBrokenId: all[11] });
    });
  });
});
