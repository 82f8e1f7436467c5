import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { makeBinariesReachableBy } from './embedded-postgres-binaries';
import { canReach, ensureServerUser, makeFoldersOthersCanEnter, ServerUser } from './server-user';

/** Data of embedded servers whose configured folder the `postgres` user cannot reach. */
export const DATA_FALLBACK_DIR = '/var/lib/ledgerlens/embedded-postgres';

/** The data folder used instead of `dataDir`: one per configured folder, named after it. */
export function fallbackDataDirOf(dataDir: string): string {
  const absolute = resolve(dataDir);
  const readable = absolute
    .replace(/^\/+/, '')
    .replace(/[^\w.-]+/g, '-')
    .slice(-100);
  const unique = createHash('sha256').update(absolute).digest('hex').slice(0, 8);
  return join(DATA_FALLBACK_DIR, `${readable}-${unique}`);
}

function nearestExisting(dir: string): string {
  return existsSync(dir) ? dir : nearestExisting(dirname(dir));
}

/**
 * `dataDir` when `user` can reach the folder above it (`embedded-postgres` hands the data folder
 * itself to that user), else its fallback folder under DATA_FALLBACK_DIR.
 */
function dataDirReachableBy(
  user: ServerUser,
  dataDir: string,
  announce: (message: string) => void,
): string {
  if (canReach(user, nearestExisting(dirname(dataDir)))) {
    makeFoldersOthersCanEnter(dirname(dataDir));
    return dataDir;
  }
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new Error(
      `The embedded PostgreSQL data in ${dataDir} cannot be reached by the 'postgres' user it runs ` +
        `as (a folder above it is closed to others). Move it (mkdir -p ${DATA_FALLBACK_DIR} && mv ${dataDir} ${fallbackDataDirOf(dataDir)}), ` +
        `set EMBEDDED_PG_DIR to a folder that user can enter, or set DATABASE_URL.`,
    );
  }
  const fallback = fallbackDataDirOf(dataDir);
  makeFoldersOthersCanEnter(DATA_FALLBACK_DIR);
  if (!canReach(user, DATA_FALLBACK_DIR)) {
    throw new Error(
      `The 'postgres' user the embedded PostgreSQL runs as can reach neither ${dataDir} nor ` +
        `${DATA_FALLBACK_DIR}. Set EMBEDDED_PG_DIR to a folder that user can enter, or set DATABASE_URL.`,
    );
  }
  announce(
    `The 'postgres' user cannot reach ${dataDir}, so the data is kept under ${DATA_FALLBACK_DIR}`,
  );
  return fallback;
}

/**
 * Where the embedded server's data goes. As root, PostgreSQL runs as the `postgres` user, which
 * must reach its binaries and data; in a folder closed to others (a clone in /root) it cannot, so
 * binaries run from a copy and data lives under DATA_FALLBACK_DIR, kept across restarts.
 * Otherwise the server runs as this process's user and everything stays where it is.
 */
export async function placeEmbeddedServer(
  dataDir: string,
  announce: (message: string) => void,
): Promise<string> {
  const absolute = resolve(dataDir);
  if (process.getuid?.() !== 0) return absolute;
  const user = await ensureServerUser();
  const copy = makeBinariesReachableBy(user);
  if (copy)
    announce(
      `The 'postgres' user cannot reach node_modules: the embedded PostgreSQL runs from ${copy}`,
    );
  return dataDirReachableBy(user, absolute, announce);
}
