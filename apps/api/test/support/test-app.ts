import { INestApplication } from '@nestjs/common';
import { appendFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app/create-app';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { contractCheckedHttp } from './contract-checked-http';
import { createTestDatabase, dropTestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  /** Every answer is also checked against the OpenAPI document (see contract-checked-http.ts). */
  http: ReturnType<typeof request>;
  config: AppConfig;
  databaseUrl: string;
  /** The app's own connection pool (superuser): for checks that look past RLS. */
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Settings every test app shares: quiet, no jobs or demo data, fast password hashing. */
const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  LOG_PERSIST_LEVEL: 'silent',
  JOBS_ENABLED: 'false',
  SEED_DEMO_DATA: 'false',
  DB_MIGRATIONS_RUN: 'false',
  PASSWORD_HASH_ROUNDS: '4',
  AUTH_RATE_LIMIT: '1000',
  JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
};

export interface TestAppOptions {
  /** Where log lines go instead of stdout. */
  logDestination?: Writable;
  /** A folder standing in for the built SPA, served at `/`. */
  webDistDir?: string;
}

/** The real application on its own freshly cloned database; nothing is mocked. */
export async function createTestApp(
  env: Record<string, string> = {},
  { logDestination, webDistDir }: TestAppOptions = {},
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({ ...TEST_ENV, ...env });
  const app = await createApp({ config, databaseUrl, logDestination, webDistDir });
  const { http, checked } = contractCheckedHttp(app);
  return {
    app,
    http,
    config,
    databaseUrl,
    dataSource: app.get(DataSource),
    close: async () => {
      // OPENAPI_CONTRACT_COUNTS names a file that collects, per test app, how many answers were checked.
      const counts = process.env.OPENAPI_CONTRACT_COUNTS;
      if (counts) appendFileSync(counts, `${checked()}\n`);
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}

export interface SignedInUser {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
  auth: { Authorization: string };
}

let counter = 0;

/** What register and login answer, as far as the tests read it. */
interface SessionBody {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
}

/** The signed-in user an auth response (register or login) describes. */
function signedIn(session: SessionBody): SignedInUser {
  return {
    id: session.user.id,
    email: session.user.email,
    token: session.accessToken,
    refreshToken: session.refreshToken,
    auth: { Authorization: `Bearer ${session.accessToken}` },
  };
}

export async function registerUser(testApp: TestApp, name = 'user'): Promise<SignedInUser> {
  counter += 1;
  const email = `${name}-${counter}-${Date.now()}@example.com`;
  const response = await testApp.http
    .post('/api/v1/auth/register')
    .send({ email, password: 'correct horse battery', displayName: name })
    .expect(201);
  return signedIn(response.body as SessionBody);
}

/** Makes `createTestApp` ensure an admin that `signInAdmin` can sign in as. */
export const ADMIN_ENV = { ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'admin-password-1' };

export async function signInAdmin(testApp: TestApp): Promise<SignedInUser> {
  const response = await testApp.http
    .post('/api/v1/auth/login')
    .send({ email: ADMIN_ENV.ADMIN_EMAIL, password: ADMIN_ENV.ADMIN_PASSWORD })
    .expect(200);
  return signedIn(response.body as SessionBody);
}

/** Opens an account for `user`: entries in its currency go there (no default account to open). */
export async function openAccount(
  testApp: TestApp,
  user: SignedInUser,
  currency = 'EUR',
): Promise<string> {
  const response = await testApp.http
    .post('/api/v1/accounts')
    .set(user.auth)
    .send({ name: `Account in ${currency}`, kind: 'checking', currency })
    .expect(201);
  return (response.body as { id: string }).id;
}
