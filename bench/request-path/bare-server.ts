/**
 * The bare server of `bench/request-path.ts`: `node:http` and `pg`, no framework, doing the
 * minimal correct work of the API's routes with the statements the API sends today
 * (docs/adr/0022-request-path-round-trips.md, apps/api/test/request-statements.e2e-spec.ts):
 *
 * - every authenticated route verifies the HS256 access token with jsonwebtoken and a
 *   `KeyObject` secret, as the API's `AccessTokenVerifier` does, and checks its claims;
 * - POST /api/v1/transactions: BEGIN, the user context in one `set_config` statement (user,
 *   trace ID, role), the category, `INSERT … RETURNING`, then the budget check in a savepoint
 *   (SAVEPOINT, the budgets counting the expense in the user's time zone, their spending in one
 *   statement, RELEASE), COMMIT;
 * - GET /api/v1/transactions?limit=20: BEGIN, the context, the page with its categories, the
 *   count when the page is full, COMMIT;
 * - GET /api/v1/health: `SELECT 1`.
 *
 * Run as a child of the bench (its CPU time is its own); prints `{ "port": n }` once listening.
 * Env: DATABASE_URL, JWT_SECRET, POOL_SIZE.
 */
import { createSecretKey, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from 'jsonwebtoken';
import { Pool, PoolClient } from 'pg';

const APP_ROLE = 'ledgerlens_app';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const key = createSecretKey(Buffer.from(process.env['JWT_SECRET'] ?? ''));
const pool = new Pool({
  connectionString: process.env['DATABASE_URL'],
  max: Number(process.env['POOL_SIZE'] ?? 10),
});

interface Claims {
  sub: string;
  email: string;
  role: string;
  jti: string;
  fam: string;
  iat: number;
  exp: number;
}

/** The caller's ID, or undefined when the token is missing, invalid or lacks a claim. */
function callerOf(request: IncomingMessage): string | undefined {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return undefined;
  try {
    const claims = verify(token, key, { algorithms: ['HS256'] }) as Partial<Claims>;
    const valid =
      UUID.test(String(claims.sub)) &&
      UUID.test(String(claims.jti)) &&
      UUID.test(String(claims.fam)) &&
      typeof claims.email === 'string' &&
      (claims.role === 'user' || claims.role === 'admin') &&
      Number.isInteger(claims.exp) &&
      Number.isInteger(claims.iat);
    return valid ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    request.on('error', reject);
  });
}

/** One transaction as `userId`, its context set in one statement, as the API's `UserContext`. */
async function asUser<T>(
  userId: string,
  traceId: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('app.current_user_id', $1, true), set_config('app.trace_id', $2, true), set_config('role', $3, true)`,
      [userId, traceId, APP_ROLE],
    );
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const BUDGETS_COUNTING = `
  SELECT b.id, b.category_id, b.period, b.limit_cents, b.currency,
         to_char(b.start_date, 'YYYY-MM-DD') AS start_date, b.alert_thresholds, b.created_at,
         b.updated_at,
         to_char(p.period_start, 'YYYY-MM-DD') AS period_start,
         to_char(p.period_end - 1, 'YYYY-MM-DD') AS period_end,
         to_char(p.period_end, 'YYYY-MM-DD') AS next_period_start,
         ARRAY(SELECT r.threshold_percent FROM budget_alerts r
               WHERE r.budget_id = b.id AND r.period_start = p.period_start) AS threshold_percent
  FROM budgets b
  CROSS JOIN (
    SELECT ($4::timestamptz AT TIME ZONE own.time_zone)::date AS today, own.first_day_of_week
    FROM users own WHERE own.id = app_current_user_id()
  ) z
  CROSS JOIN LATERAL (
    SELECT CASE b.period WHEN 'weekly' THEN 'week' WHEN 'monthly' THEN 'month' ELSE 'year' END AS unit,
           greatest(z.today, b.start_date) AS day
  ) u
  CROSS JOIN LATERAL (
    SELECT CASE u.unit
             WHEN 'week' THEN u.day - (extract(isodow FROM u.day)::int - z.first_day_of_week + 7) % 7
             ELSE date_trunc(u.unit, u.day::timestamp)::date
           END AS anchor
  ) a
  CROSS JOIN LATERAL (
    SELECT greatest(a.anchor, b.start_date) AS period_start,
           (a.anchor + ('1 ' || u.unit)::interval)::date AS period_end
  ) p
  WHERE b.deleted_at IS NULL
    AND b.currency = $1 AND (b.category_id IS NULL OR b.category_id = $2)
    AND $3::date >= p.period_start AND $3::date < p.period_end`;

const SPENDING = `
  SELECT s.key,
         coalesce((
           SELECT sum(t.amount_cents)
           FROM transactions t
           WHERE t.deleted_at IS NULL
             AND t.type = 'expense'
             AND t.currency = s.currency
             AND (s.category_id IS NULL OR t.category_id = s.category_id)
             AND t.occurred_on >= s.from_day
             AND t.occurred_on < s.until_day
         ), 0)::text AS spent_cents
  FROM jsonb_to_recordset($1::jsonb)
       AS s(key text, category_id uuid, currency text, from_day date, until_day date)`;

interface BudgetRow {
  id: string;
  category_id: string | null;
  currency: string;
  period_start: string;
  next_period_start: string;
}

async function createTransaction(userId: string, traceId: string, input: Record<string, unknown>) {
  const categoryId = typeof input['categoryId'] === 'string' ? input['categoryId'] : null;
  const created = await asUser(userId, traceId, async (client) => {
    let type = input['type'] as string | undefined;
    let category: Record<string, unknown> | null = null;
    if (categoryId) {
      const found = await client.query<Record<string, unknown>>(
        `SELECT id, user_id, name, kind, color, created_at, updated_at, deleted_at
         FROM categories WHERE id = $1 AND deleted_at IS NULL LIMIT 1`,
        [categoryId],
      );
      category = found.rows[0] ?? null;
      if (!category) return undefined;
      type = category['kind'] as string;
    }
    const inserted = await client.query<Record<string, unknown>>(
      `INSERT INTO transactions
         (account_id, category_id, type, amount_cents, currency, description, occurred_on, notes)
       SELECT a.id, $2::uuid, $3::varchar, $4::bigint, a.currency, $6::varchar, $7::date, $8::text
       FROM accounts a
       WHERE a.id = coalesce($1::uuid, (SELECT d.id FROM accounts d
           WHERE d.currency = $5::varchar AND NOT d.archived AND d.deleted_at IS NULL
           ORDER BY d.created_at, d.kind <> 'checking', lower(d.name), d.id LIMIT 1))
         AND a.currency = $5::varchar AND NOT a.archived AND a.deleted_at IS NULL
       RETURNING id, user_id, account_id, transfer_id, category_id, type, amount_cents,
         currency, description, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, notes,
         created_at, updated_at`,
      [
        null,
        categoryId,
        type,
        input['amountCents'],
        input['currency'],
        input['description'],
        input['occurredOn'],
        input['notes'] ?? null,
      ],
    );
    const row: Record<string, unknown> = { ...inserted.rows[0], category };
    // The budget check inside the write's transaction, in a savepoint, as BudgetsService does it.
    if (row['type'] === 'expense') await checkBudgets(client, row, categoryId);
    return row;
  });
  return created;
}

async function checkBudgets(
  client: PoolClient,
  created: Record<string, unknown>,
  categoryId: string | null,
): Promise<void> {
  await client.query('SAVEPOINT budget_check');
  const budgets = await client.query<BudgetRow>(BUDGETS_COUNTING, [
    created['currency'],
    categoryId,
    created['occurred_on'],
    new Date().toISOString(),
  ]);
  if (budgets.rows.length > 0) {
    const scopes = budgets.rows.map((budget) => ({
      key: budget.id,
      category_id: budget.category_id,
      currency: budget.currency,
      from_day: budget.period_start,
      until_day: budget.next_period_start,
    }));
    await client.query(SPENDING, [JSON.stringify(scopes)]);
  }
  await client.query('RELEASE SAVEPOINT budget_check');
}

const PAGE = `
  SELECT t.id, t.user_id, t.account_id, t.transfer_id, t.category_id, t.type, t.amount_cents,
         t.currency, t.description,
         to_char(t.occurred_on, 'YYYY-MM-DD') AS occurred_on, t.notes, t.created_at, t.updated_at,
         c.id AS c_id, c.name AS c_name, c.kind AS c_kind, c.color AS c_color
  FROM transactions t LEFT JOIN categories c ON c.id = t.category_id
  WHERE t.deleted_at IS NULL
  ORDER BY t.occurred_on DESC, t.id ASC
  OFFSET $1 LIMIT $2`;

async function listTransactions(userId: string, traceId: string, url: URL) {
  const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 20), 1), 100);
  const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1);
  const offset = (page - 1) * limit;
  return asUser(userId, traceId, async (client) => {
    const rows = (await client.query(PAGE, [offset, limit])).rows;
    const isLast = rows.length < limit && (rows.length > 0 || offset === 0);
    const total = isLast
      ? offset + rows.length
      : (
          await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM transactions t WHERE t.deleted_at IS NULL`,
          )
        ).rows[0].n;
    return { items: rows, total, page, limit };
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://bare');
  const traceId = (request.headers['x-trace-id'] as string | undefined) ?? randomUUID();
  response.setHeader('x-trace-id', traceId);
  if (request.method === 'GET' && url.pathname === '/api/v1/health') {
    await pool.query('SELECT 1');
    return answer(response, 200, { status: 'ok' });
  }
  const userId = callerOf(request);
  if (!userId) return answer(response, 401, { message: 'Missing or invalid access token' });
  if (url.pathname === '/api/v1/transactions' && request.method === 'POST') {
    const created = await createTransaction(userId, traceId, await bodyOf(request));
    return created
      ? answer(response, 201, created)
      : answer(response, 404, { message: 'Category not found' });
  }
  if (url.pathname === '/api/v1/transactions' && request.method === 'GET') {
    return answer(response, 200, await listTransactions(userId, traceId, url));
  }
  answer(response, 404, { message: 'Not found' });
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: Error) => {
    if (!response.headersSent) answer(response, 500, { message: error.message });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
