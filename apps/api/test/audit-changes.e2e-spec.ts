import { auditChangeIds, tamperWithAuditChanges } from './support/tamper';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from './support/test-app';

describe('row history (audit_changes)', () => {
  let testApp: TestApp;
  let admin: SignedInUser;
  let owner: SignedInUser;
  let categoryId: string;

  const sql = (text: string, params: unknown[] = []) => testApp.dataSource.query(text, params);

  async function createTransaction(user: SignedInUser, traceId?: string) {
    const request = testApp.http.post('/api/v1/transactions').set(user.auth);
    if (traceId) request.set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`);
    return request
      .send({
        amountCents: 1250,
        currency: 'EUR',
        description: 'Groceries',
        categoryId,
        occurredOn: '2026-11-02',
      })
      .expect(201);
  }

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
    admin = await signInAdmin(testApp);
    owner = await registerUser(testApp, 'owner');
    const category = await testApp.http
      .post('/api/v1/categories')
      .set(owner.auth)
      .send({ name: 'Food', kind: 'expense' })
      .expect(201);
    categoryId = category.body.id;
  });
  afterAll(() => testApp.close());

  it('shows the owner create, edit and delete of a transaction with user, trace ID and a field diff', async () => {
    const created = await createTransaction(owner);
    const id = created.body.id;
    const edited = await testApp.http
      .patch(`/api/v1/transactions/${id}`)
      .set(owner.auth)
      .send({ amountCents: 1999, description: 'Groceries and wine' })
      .expect(200);
    const deleted = await testApp.http
      .delete(`/api/v1/transactions/${id}`)
      .set(owner.auth)
      .expect(204);

    const history = await testApp.http
      .get(`/api/v1/transactions/${id}/history`)
      .set(owner.auth)
      .expect(200);
    const traceIds = [created, edited, deleted].map((response) => response.headers['x-trace-id']);
    expect(history.body.items).toHaveLength(3);
    expect(history.body.items.map((change: { action: string }) => change.action)).toEqual([
      'INSERT',
      'UPDATE',
      'UPDATE',
    ]);
    history.body.items.forEach(
      (change: { userId: string; userEmail: string; traceId: string }, index: number) => {
        expect(change.userId).toBe(owner.id);
        expect(change.userEmail).toBe(owner.email);
        expect(change.traceId).toBe(traceIds[index]);
      },
    );
    const [insert, update, softDelete] = history.body.items;
    expect(insert.changes).toEqual(
      expect.arrayContaining([{ field: 'amountCents', from: null, to: 1250 }]),
    );
    expect(update.changes).toEqual([
      { field: 'amountCents', from: 1250, to: 1999 },
      { field: 'description', from: 'Groceries', to: 'Groceries and wine' },
    ]);
    expect(update.deleted).toBe(false);
    expect(softDelete.deleted).toBe(true);
    expect(softDelete.changes.map((change: { field: string }) => change.field)).toEqual([
      'deletedAt',
    ]);
  });

  it("keeps another user's history from them (404), and needs a signed-in user (401)", async () => {
    const created = await createTransaction(owner);
    const stranger = await registerUser(testApp, 'stranger');
    await testApp.http
      .get(`/api/v1/transactions/${created.body.id}/history`)
      .set(stranger.auth)
      .expect(404);
    await testApp.http.get(`/api/v1/transactions/${created.body.id}/history`).expect(401);
    await testApp.http.get(`/api/v1/budgets/not-a-uuid/history`).set(owner.auth).expect(400);
  });

  it('records budgets too, and the trace ID of a traceparent header', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const budget = await testApp.http
      .post('/api/v1/budgets')
      .set(owner.auth)
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .send({
        categoryId,
        period: 'monthly',
        limitCents: 40000,
        currency: 'EUR',
        startDate: '2026-11-01',
      })
      .expect(201);
    const history = await testApp.http
      .get(`/api/v1/budgets/${budget.body.id}/history`)
      .set(owner.auth)
      .expect(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ action: 'INSERT', traceId, userId: owner.id }),
    ]);
  });

  it('never records password hashes; a registration carries its trace ID', async () => {
    const registered = await testApp.http
      .post('/api/v1/auth/register')
      .send({ email: 'hidden@example.com', password: 'secret-password-1', displayName: 'H' })
      .expect(201);
    const rows = await sql(
      `SELECT new_data, changed_columns, trace_id, user_id FROM audit_changes
       WHERE table_name = 'users' AND row_id = $1`,
      [registered.body.user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].new_data.email).toBe('hidden@example.com');
    expect(rows[0].new_data).not.toHaveProperty('password_hash');
    expect(rows[0].changed_columns).not.toContain('password_hash');
    expect(rows[0].trace_id).toBe(registered.headers['x-trace-id']);
    expect(rows[0].user_id).toBeNull();
    const everything = await sql(`SELECT count(*)::int AS n FROM audit_changes
      WHERE coalesce(old_data, '{}') ? 'password_hash' OR coalesce(new_data, '{}') ? 'password_hash'`);
    expect(everything[0].n).toBe(0);
  });

  it('records nothing for an update that changes nothing, and a hard DELETE as DELETE', async () => {
    const created = await createTransaction(owner);
    const count = async () =>
      (
        await sql(`SELECT count(*)::int AS n FROM audit_changes WHERE row_id = $1`, [
          created.body.id,
        ])
      )[0].n;
    expect(await count()).toBe(1);
    await sql(`UPDATE transactions SET amount_cents = amount_cents WHERE id = $1`, [
      created.body.id,
    ]);
    expect(await count()).toBe(1);
    await sql(`DELETE FROM transactions WHERE id = $1`, [created.body.id]);
    const [last] = await sql(
      `SELECT action, old_data, new_data, user_id FROM audit_changes WHERE row_id = $1 ORDER BY id DESC LIMIT 1`,
      [created.body.id],
    );
    expect(last).toMatchObject({ action: 'DELETE', new_data: null, user_id: null });
    expect(last.old_data.id).toBe(created.body.id);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit tables, even to their owner', async () => {
    for (const table of ['audit_changes', 'audit_events']) {
      await expect(sql(`UPDATE ${table} SET trace_id = 'x'`)).rejects.toThrow(/append-only/);
      await expect(sql(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(sql(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);
    }
    const grants = await sql(
      `SELECT count(*)::int AS n FROM information_schema.role_table_grants
       WHERE grantee IN ('ledgerlens_app', 'PUBLIC')
         AND table_name IN ('audit_changes', 'audit_events', 'audit_chain_head')`,
    );
    expect(grants[0].n).toBe(0);
    await expect(
      testApp.dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL ROLE ledgerlens_app');
        await manager.query('SELECT count(*) FROM audit_changes');
      }),
    ).rejects.toThrow(/permission denied/);
  });

  it('lists changes for admins with filters and pages; refuses other users', async () => {
    const created = await createTransaction(owner);
    const page = await testApp.http
      .get('/api/v1/audit/changes')
      .query({ table: 'transactions', rowId: created.body.id, userId: owner.id, action: 'INSERT' })
      .set(admin.auth)
      .expect(200);
    expect(page.body).toMatchObject({ total: 1, page: 1, limit: 50 });
    expect(page.body.items[0]).toMatchObject({
      tableName: 'transactions',
      rowId: created.body.id,
      action: 'INSERT',
      userId: owner.id,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const future = await testApp.http
      .get('/api/v1/audit/changes')
      .query({ from: '2999-01-01T00:00:00Z' })
      .set(admin.auth)
      .expect(200);
    expect(future.body.total).toBe(0);
    const bad = await testApp.http
      .get('/api/v1/audit/changes')
      .query({ action: 'MERGE', limit: 500 })
      .set(admin.auth)
      .expect(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['action', 'limit']);
    await testApp.http.get('/api/v1/audit/changes').set(owner.auth).expect(403);
  });

  describe('hash chain', () => {
    const verify = async () =>
      (await testApp.http.get('/api/v1/audit/verify').set(admin.auth).expect(200)).body;

    it('verifies, then reports an edited row, a removed row and a cut tail', async () => {
      for (let i = 0; i < 3; i++) await createTransaction(owner);
      const intact = await verify();
      const [{ n }] = await sql(`SELECT count(*)::int AS n FROM audit_changes`);
      expect(intact).toEqual({ ok: true, checked: n });
      await testApp.http.get('/api/v1/audit/verify').set(owner.auth).expect(403);

      const ids = await auditChangeIds((text) => sql(text));
      const victim = ids[ids.length - 3];
      await tamperWithAuditChanges(
        testApp.databaseUrl,
        `UPDATE audit_changes SET new_data = jsonb_set(new_data, '{amount_cents}', '1') WHERE id = ${victim}`,
      );
      expect(await verify()).toMatchObject({ ok: false, firstBrokenId: victim });
    });
  });
});
