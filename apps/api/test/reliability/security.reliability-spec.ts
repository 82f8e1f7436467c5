import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { randomBytes, randomUUID } from 'node:crypto';
import { Response } from 'supertest';
import { Role } from '../../src/common/context/request-context';
import { ROLES } from '../../src/common/auth/roles.decorator';
import { eventually } from '../support/eventually';
import { startTestRedis, TestRedis } from '../support/test-redis';
import {
  ADMIN_ENV,
  createTestApp,
  registerUser,
  signInAdmin,
  SignedInUser,
  TestApp,
} from '../support/test-app';
import { claimsOf, forgedToken, unsignedToken } from '../support/tokens';

/**
 * The security part of the reliability suite (issue 15): forged, expired and revoked tokens;
 * one user naming another's records in paths, bodies and filters; every admin route as a plain
 * user; and the sign-in rate limit, shared through Redis by two instances.
 */

const API = '/api/v1';

/** A refusal in the one error body shape, with its trace ID. */
function expectErrorBody(response: Response, statusCode: number): void {
  expect(response.status).toBe(statusCode);
  expect(response.body).toMatchObject({
    statusCode,
    error: expect.any(String),
    message: expect.any(String),
    traceId: expect.any(String),
  });
  expect(JSON.stringify(response.body)).not.toMatch(/\bat \S+ \(|node_modules|JWT_SECRET/);
}

describe('security', () => {
  let testApp: TestApp;
  let alice: SignedInUser;
  let bob: SignedInUser;
  const bobs = { categoryId: '', transactionId: '', budgetId: '' };

  const as = (user: SignedInUser) => ({
    get: (path: string) => testApp.http.get(`${API}${path}`).set(user.auth),
    post: (path: string, body: object) =>
      testApp.http.post(`${API}${path}`).set(user.auth).send(body),
    patch: (path: string, body: object) =>
      testApp.http.patch(`${API}${path}`).set(user.auth).send(body),
    delete: (path: string) => testApp.http.delete(`${API}${path}`).set(user.auth),
  });
  const countOf = async (table: string, userId: string): Promise<number> => {
    const [{ count }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM "${table}" WHERE user_id = $1`,
      [userId],
    );
    return count;
  };

  beforeAll(async () => {
    testApp = await createTestApp(ADMIN_ENV);
    alice = await registerUser(testApp, 'alice');
    bob = await registerUser(testApp, 'bob');
    const category = await as(bob)
      .post('/categories', { name: 'Rent', kind: 'expense' })
      .expect(201);
    bobs.categoryId = category.body.id;
    const transaction = await as(bob)
      .post('/transactions', {
        amountCents: 120_000,
        currency: 'EUR',
        description: 'March rent',
        categoryId: bobs.categoryId,
        occurredOn: '2026-03-01',
      })
      .expect(201);
    bobs.transactionId = transaction.body.id;
    const budget = await as(bob)
      .post('/budgets', {
        categoryId: bobs.categoryId,
        period: 'monthly',
        limitCents: 150_000,
        currency: 'EUR',
        startDate: '2026-01-01',
      })
      .expect(201);
    bobs.budgetId = budget.body.id;
  });
  afterAll(() => testApp.close());

  describe('access tokens', () => {
    const me = (token: string) =>
      testApp.http.get(`${API}/auth/me`).set('Authorization', `Bearer ${token}`);

    it('refuses forged, altered, expired and incomplete tokens with 401', async () => {
      const secret = testApp.config.JWT_SECRET as string;
      const claims = claimsOf(alice.token);
      const [header, payload, signature] = alice.token.split('.');
      const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
      const { exp: _exp, ...withoutExp } = claims;
      const now = Math.floor(Date.now() / 1000);
      const forged: Record<string, string> = {
        'tampered signature': `${header}.${payload}.${flipped}`,
        'tampered claims': `${header}.${Buffer.from(
          JSON.stringify({ ...claims, role: 'admin' }),
        ).toString('base64url')}.${signature}`,
        'alg none': unsignedToken({ ...claims, role: 'admin' }),
        'alg none with a signature': `${unsignedToken(claims)}${signature}`,
        'another algorithm (HS512 header)': forgedToken(claims, secret, { alg: 'HS512' }),
        'wrong secret': forgedToken(claims, `${secret}-guessed`),
        expired: forgedToken({ ...claims, iat: now - 1000, exp: now - 100 }, secret),
        'no exp': forgedToken(withoutExp, secret),
        'sub not a user ID': forgedToken({ ...claims, sub: "' OR 1=1 --" }, secret),
        'not a JWT': randomBytes(48).toString('base64url'),
      };
      for (const [name, token] of Object.entries(forged)) {
        const response = await me(token);
        expect({ name, status: response.status }).toEqual({ name, status: 401 });
        expectErrorBody(response, 401);
      }
      await me(alice.token).expect(200);
    });

    it('ends every access token of a sign-in when its refresh token is reused', async () => {
      const user = await registerUser(testApp, 'reused');
      const rotated = await testApp.http
        .post(`${API}/auth/refresh`)
        .send({ refreshToken: user.refreshToken })
        .expect(200);
      await testApp.http
        .post(`${API}/auth/refresh`)
        .send({ refreshToken: user.refreshToken })
        .expect(401);
      for (const token of [user.token, rotated.body.accessToken]) {
        expectErrorBody(await me(token), 401);
        expectErrorBody(
          await testApp.http.get(`${API}/categories`).set('Authorization', `Bearer ${token}`),
          401,
        );
      }
      await testApp.http
        .post(`${API}/auth/refresh`)
        .send({ refreshToken: rotated.body.refreshToken })
        .expect(401);
    });

    it('refuses a token revoked by logout, on every route', async () => {
      const user = await registerUser(testApp, 'logged-out');
      await testApp.http.post(`${API}/auth/logout`).set(user.auth).expect(204);
      expectErrorBody(await me(user.token), 401);
      expectErrorBody(await as(user).get('/transactions'), 401);
      expectErrorBody(await as(user).post('/categories', { name: 'x', kind: 'expense' }), 401);
    });

    it("refuses a deleted account's token", async () => {
      const user = await registerUser(testApp, 'to-delete');
      await as(user).get('/categories').expect(200);
      await testApp.dataSource.query('UPDATE users SET deleted_at = now() WHERE id = $1', [
        user.id,
      ]);
      await eventually(async () => expectErrorBody(await as(user).get('/categories'), 401));
      expectErrorBody(
        await testApp.http.post(`${API}/auth/refresh`).send({ refreshToken: user.refreshToken }),
        401,
      );
    });

    it('never lets a response carrying tokens be cached', async () => {
      const response = await testApp.http
        .post(`${API}/auth/login`)
        .send({ email: alice.email, password: 'correct horse battery' })
        .expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['pragma']).toBe('no-cache');
    });
  });

  describe("another user's IDs", () => {
    it("cannot read, change or delete another user's records by ID (404, nothing changes)", async () => {
      const records = [
        ['/categories', bobs.categoryId, { name: 'Mine now' }],
        ['/transactions', bobs.transactionId, { description: 'Mine now' }],
        ['/budgets', bobs.budgetId, { limitCents: 1 }],
      ] as const;
      for (const [collection, id, change] of records) {
        expectErrorBody(await as(alice).get(`${collection}/${id}`), 404);
        expectErrorBody(await as(alice).patch(`${collection}/${id}`, change), 404);
        expectErrorBody(await as(alice).delete(`${collection}/${id}`), 404);
        if (collection !== '/categories') {
          expectErrorBody(await as(alice).get(`${collection}/${id}/history`), 404);
        }
        const own = await as(bob).get(`${collection}/${id}`).expect(200);
        expect(own.body).not.toMatchObject(change);
      }
    });

    it("never lists another user's records, whatever the filter names", async () => {
      const filtered = await as(alice).get(`/transactions?categoryId=${bobs.categoryId}`);
      expect(filtered.status).toBe(200);
      expect(filtered.body.items).toEqual([]);
      for (const path of ['/transactions', '/categories', '/budgets', '/budgets/alerts']) {
        const list = await as(alice).get(path).expect(200);
        expect(JSON.stringify(list.body)).not.toContain(bob.id);
        for (const id of Object.values(bobs)) expect(JSON.stringify(list.body)).not.toContain(id);
      }
    });

    it("refuses a body that names another user's category, and writes nothing", async () => {
      const before = {
        transactions: await countOf('transactions', alice.id),
        budgets: await countOf('budgets', alice.id),
      };
      const created = await as(alice).post('/transactions', {
        amountCents: 500,
        currency: 'EUR',
        description: 'Sneaky',
        categoryId: bobs.categoryId,
        occurredOn: '2026-03-02',
      });
      expect(created.status).toBeGreaterThanOrEqual(400);
      expect(created.status).toBeLessThan(500);
      expectErrorBody(created, created.status);
      const budget = await as(alice).post('/budgets', {
        categoryId: bobs.categoryId,
        period: 'monthly',
        limitCents: 100,
        currency: 'EUR',
        startDate: '2026-01-01',
      });
      expect(budget.status).toBeGreaterThanOrEqual(400);
      expect(budget.status).toBeLessThan(500);
      expect({
        transactions: await countOf('transactions', alice.id),
        budgets: await countOf('budgets', alice.id),
      }).toEqual(before);

      const own = await as(alice)
        .post('/transactions', {
          amountCents: 700,
          currency: 'EUR',
          description: 'Lunch',
          type: 'expense',
          occurredOn: '2026-03-03',
        })
        .expect(201);
      const moved = await as(alice).patch(`/transactions/${own.body.id}`, {
        categoryId: bobs.categoryId,
      });
      expect(moved.status).toBeGreaterThanOrEqual(400);
      expect(moved.status).toBeLessThan(500);
      const after = await as(alice).get(`/transactions/${own.body.id}`).expect(200);
      expect(after.body.categoryId ?? null).toBeNull();
    });

    it("cannot read another user's logs or exports", async () => {
      expectErrorBody(await as(alice).get(`/logging/logs?userId=${bob.id}`), 403);
      expectErrorBody(
        await as(alice).post('/logging/logs/export', { format: 'json', userId: bob.id }),
        403,
      );
      const export_ = await as(bob).post('/logging/logs/export', { format: 'json' }).expect(200);
      const location = export_.headers['content-location'] as string;
      expect(location).toMatch(/\/logging\/logs\/exports\//);
      await testApp.http.get(location).set(bob.auth).expect(200);
      expectErrorBody(await testApp.http.get(location).set(alice.auth), 404);
    });
  });

  describe('admin routes', () => {
    it('answer 403 to a plain user and 401 to nobody, on every one of them', async () => {
      const routes = adminRoutes(testApp.app);
      // Guards against an enumeration that silently finds nothing.
      const documented = (await testApp.http.get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const documentedRoutes = Object.entries(documented.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(routes.length).toBeGreaterThanOrEqual(10);
      for (const route of routes) {
        expect(documentedRoutes).toContain(`${route.method} ${route.documentedPath}`);
      }

      const admin = await signInAdmin(testApp);
      for (const route of routes) {
        const call = (user?: SignedInUser) => {
          const request = testApp.http[route.method.toLowerCase() as 'get'](route.path);
          return user ? request.set(user.auth).send({}) : request.send({});
        };
        const asUser = await call(alice);
        expect({ route: route.path, status: asUser.status }).toEqual({
          route: route.path,
          status: 403,
        });
        expectErrorBody(asUser, 403);
        expectErrorBody(await call(), 401);
        // The role guard, not a missing route, refused it: an admin gets past it.
        expect([401, 403]).not.toContain((await call(admin)).status);
      }
    });
  });
});

interface AdminRoute {
  method: string;
  /** With a random UUID for each path parameter. */
  path: string;
  /** As the OpenAPI document names it (`{id}`). */
  documentedPath: string;
}

/** Every route restricted to admins, read from Nest's route metadata (new ones included). */
function adminRoutes(app: INestApplication): AdminRoute[] {
  const reflector = app.get(Reflector);
  const routes: AdminRoute[] = [];
  const segments = (value: unknown): string =>
    ([] as unknown[])
      .concat(value ?? '')
      .map(String)[0]
      .replace(/^\/|\/$/g, '');
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES, [handler, metatype]);
        if (!roles?.includes('admin') || roles.includes('user')) continue;
        const template = [API, segments(Reflect.getMetadata(PATH_METADATA, metatype))]
          .concat(segments(Reflect.getMetadata(PATH_METADATA, handler)) || [])
          .join('/');
        routes.push({
          method: RequestMethod[method],
          path: template.replace(/:\w+/g, () => randomUUID()),
          documentedPath: template.replace(/:(\w+)/g, '{$1}'),
        });
      }
    }
  }
  return routes;
}

describe('sign-in rate limit', () => {
  it('answers 429 past AUTH_RATE_LIMIT attempts, with Retry-After', async () => {
    const testApp = await createTestApp({ AUTH_RATE_LIMIT: '3', AUTH_RATE_WINDOW_SECONDS: '60' });
    try {
      const attempt = () =>
        testApp.http
          .post(`${API}/auth/login`)
          .send({ email: 'nobody@example.com', password: 'wrong-password' });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const limited = await attempt();
      expectErrorBody(limited, 429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await testApp.close();
    }
  });

  describe('with REDIS_URL, shared by every instance', () => {
    const LIMIT = 4;
    let redis: TestRedis;
    let first: TestApp;
    let second: TestApp;

    beforeAll(async () => {
      redis = await startTestRedis();
      // A prefix of its own, so other runs on the same Redis count elsewhere.
      const env = {
        REDIS_URL: redis.url,
        RATE_LIMIT_REDIS_PREFIX: `ledgerlens-test:${randomUUID()}`,
        AUTH_RATE_LIMIT: String(LIMIT),
        AUTH_RATE_WINDOW_SECONDS: '60',
      };
      first = await createTestApp(env);
      second = await createTestApp(env);
    });
    afterAll(async () => {
      await first?.close();
      await second?.close();
      await redis?.stop();
    });

    it(`lets ${LIMIT} attempts through across both instances, then answers 429 on either`, async () => {
      const attempt = (instance: TestApp) =>
        instance.http
          .post(`${API}/auth/login`)
          .send({ email: 'nobody@example.com', password: 'wrong-password' });
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT; i++) statuses.push((await attempt(i % 2 ? second : first)).status);
      expect(statuses).toEqual(Array(LIMIT).fill(401));
      expectErrorBody(await attempt(first), 429);
      expectErrorBody(await attempt(second), 429);
      // Each route counts on its own: registering is still allowed.
      const registered = await second.http
        .post(`${API}/auth/register`)
        .send({ email: 'fresh@example.com', password: 'correct horse battery', displayName: 'F' });
      expect(registered.status).toBe(201);
    });
  });
});
