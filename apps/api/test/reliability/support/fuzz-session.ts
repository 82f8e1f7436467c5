import { ADMIN_ENV } from '../../support/test-app';
import { BuiltApi, sql, startBuiltApi, withDatabase } from '../../../harness';
import { isProcessAlive, send } from './fuzz-client';
import { EXISTING_ID, FuzzRequest, Identity } from './fuzz-requests';

/**
 * The built API the fuzzer talks to, with a signed-in user and admin and a few rows of each kind,
 * so path parameters can name rows that exist. Started again when a request ends the process.
 */

export const FUZZ_JWT_SECRET = 'fuzz-jwt-secret-0123456789abcdef0123456789abcdef';
const FIXTURE_PASSWORD = 'fuzz-fixture-password-1';
export const KNOWN_SECRETS = [FUZZ_JWT_SECRET, FIXTURE_PASSWORD, ADMIN_ENV.ADMIN_PASSWORD];

const API_ENV = {
  ...ADMIN_ENV,
  JWT_SECRET: FUZZ_JWT_SECRET,
  LOG_INGEST_RATE_LIMIT: '1000000',
  AUTH_RATE_LIMIT: '1000000',
};

type Tokens = Record<Exclude<Identity, 'anonymous'>, string>;

async function call(
  baseUrl: string,
  method: string,
  url: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await send(baseUrl, {
    method,
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed };
}

/** The first row's `id` of a list answer, whatever the list's envelope is called. */
function firstId(body: unknown): string | undefined {
  const list = Array.isArray(body)
    ? body
    : Object.values((body ?? {}) as Record<string, unknown>).find(Array.isArray);
  const first = (list as { id?: unknown }[] | undefined)?.[0];
  return typeof first?.id === 'string' ? first.id : undefined;
}

export class FuzzSession {
  private tokens: Tokens = { user: '', admin: '' };
  private readonly existing = new Map<string, string | undefined>();
  restarts = 0;

  private constructor(
    private readonly serverUrl: string,
    private api: BuiltApi,
  ) {}

  static async start(serverUrl: string): Promise<FuzzSession> {
    const session = new FuzzSession(serverUrl, await startBuiltApi(serverUrl, 'fuzz', API_ENV));
    await session.prepare();
    return session;
  }

  get baseUrl(): string {
    return this.api.baseUrl;
  }

  get databaseUrl(): string {
    return this.api.databaseUrl;
  }

  isAlive(): boolean {
    return isProcessAlive(this.api.pid);
  }

  async isHealthy(): Promise<boolean> {
    if (!this.isAlive()) return false;
    const health = await send(this.baseUrl, { method: 'GET', url: '/api/v1/health', headers: {} });
    return health.status === 200;
  }

  /** A fresh process on a fresh database, after a request ended the last one. */
  async restart(): Promise<void> {
    this.restarts += 1;
    if (this.isAlive()) await this.api.stop();
    else {
      const database = new URL(this.api.databaseUrl).pathname.slice(1);
      await sql(
        withDatabase(this.serverUrl, 'postgres'),
        `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
      );
    }
    this.api = await startBuiltApi(this.serverUrl, 'fuzz', API_ENV);
    await this.prepare();
  }

  async stop(): Promise<void> {
    if (this.isAlive()) await this.api.stop();
  }

  /** Signs in again whoever a fuzzed request signed out (logout revokes the token it carries). */
  async beforeOperation(): Promise<void> {
    this.existing.clear();
    const user = await call(this.baseUrl, 'GET', '/api/v1/auth/me', this.tokens.user);
    if (user.status !== 200) this.tokens.user = await this.login(this.userEmail);
    const admin = await call(this.baseUrl, 'GET', '/api/v1/auth/me', this.tokens.admin);
    if (admin.status !== 200) this.tokens.admin = await this.login(ADMIN_ENV.ADMIN_EMAIL);
  }

  /** The request's Authorization (unless a mutation set its own) and the row it names. */
  async resolve(request: FuzzRequest): Promise<{ url: string; headers: Record<string, string> }> {
    let path = request.path;
    if (path.includes(EXISTING_ID)) {
      const id = await this.existingId(request.path, request.identity);
      path = path.split(EXISTING_ID).join(id ?? '00000000-0000-4000-8000-000000000000');
    }
    const token = request.identity === 'anonymous' ? undefined : this.tokens[request.identity];
    return {
      url: request.query ? `${path}?${request.query}` : path,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...request.headers,
      },
    };
  }

  private userEmail = '';

  private async prepare(): Promise<void> {
    this.existing.clear();
    this.userEmail = `fuzz-user-${Date.now()}@example.com`;
    const registered = await call(this.baseUrl, 'POST', '/api/v1/auth/register', undefined, {
      email: this.userEmail,
      password: FIXTURE_PASSWORD,
      displayName: 'Fuzz user',
    });
    if (registered.status !== 201)
      throw new Error(`Registering the fuzz user: ${registered.status}`);
    this.tokens = {
      user: (registered.body as { accessToken: string }).accessToken,
      admin: await this.login(ADMIN_ENV.ADMIN_EMAIL),
    };
    await this.createRows();
  }

  private async login(email: string): Promise<string> {
    const password = email === ADMIN_ENV.ADMIN_EMAIL ? ADMIN_ENV.ADMIN_PASSWORD : FIXTURE_PASSWORD;
    const response = await call(this.baseUrl, 'POST', '/api/v1/auth/login', undefined, {
      email,
      password,
    });
    if (response.status !== 200) throw new Error(`Signing in ${email}: ${response.status}`);
    return (response.body as { accessToken: string }).accessToken;
  }

  /** One row of each kind the path parameters name, for the user and for the admins. */
  private async createRows(): Promise<void> {
    const { user, admin } = this.tokens;
    const category = await call(this.baseUrl, 'POST', '/api/v1/categories', user, {
      name: 'Groceries',
      kind: 'expense',
    });
    const categoryId = (category.body as { id?: string } | undefined)?.id;
    await call(this.baseUrl, 'POST', '/api/v1/transactions', user, {
      amountCents: 1250,
      currency: 'EUR',
      description: 'Weekly groceries',
      occurredOn: '2026-11-03',
      categoryId,
    });
    await call(this.baseUrl, 'POST', '/api/v1/budgets', user, {
      period: 'monthly',
      limitCents: 40000,
      currency: 'EUR',
      startDate: '2026-01-01',
      categoryId,
    });
    await call(this.baseUrl, 'POST', '/api/v1/logging/exceptions/test', admin);
    await call(this.baseUrl, 'POST', '/api/v1/logging/archive/run', admin);
  }

  /** The ID of a row the collection of `pathTemplate` lists for the identity (admins' for none). */
  private async existingId(path: string, identity: Identity): Promise<string | undefined> {
    const collection = path.split(`/${EXISTING_ID}`)[0];
    const token = identity === 'user' ? this.tokens.user : this.tokens.admin;
    const key = `${identity} ${collection}`;
    if (!this.existing.has(key)) {
      const list = await call(this.baseUrl, 'GET', collection, token);
      this.existing.set(key, list.status === 200 ? firstId(list.body) : undefined);
    }
    return this.existing.get(key);
  }
}
