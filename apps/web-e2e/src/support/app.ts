import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabaseServerOf, startBuiltApi } from '../../../api/harness';

const WEB_DIST = resolve(__dirname, '../../../../dist/apps/web');

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The app as `npm start` runs it — the built API serving the built SPA — on a database of its
 * own: TEST_DATABASE_URL's server when set, else a throwaway embedded PostgreSQL. `env` adds
 * settings (e.g. an admin to sign in as).
 */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error('Build the SPA first: npx nx build web (npm test does)');
  }
  const database = await openDatabaseServerOf(['TEST_DATABASE_URL']);
  const api = await startBuiltApi(database.url, 'web_e2e', { WEB_DIST_DIR: WEB_DIST, ...env });
  return {
    baseUrl: api.baseUrl,
    stop: async () => {
      await api.stop();
      await database.stop();
    },
  };
}
