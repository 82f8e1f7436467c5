/**
 * What the SPA makes a browser download, gzipped (node:zlib, level 9): (a) the user's part, what a
 * signed-in user loads on the dashboard (index.html, the entry's JS and CSS and their static
 * imports, the dashboard route's lazy chunk and its static imports); (b) the admin console, what
 * the admin layout and each admin page chunk add to (a). Figures come from the build's manifest
 * (`build.manifest` in apps/web/vite.config.ts), per chunk file and in total.
 *
 * To compare the user's part with what it was before the admin console landed, the parent of the
 * first commit touching apps/web/src/features/admin-* is checked out in a temporary worktree
 * (/tmp/ll-before, sharing this checkout's node_modules), built there and measured the same way;
 * the results record both and their ratio (the target is at most 1.10). It also checks that the
 * user's part imports no admin chunk statically and that its chunks' source maps hold no module
 * from the admin folders. It measures; it asserts nothing.
 *
 * Run: `npm run bench:web-bundle` (two Vite builds, about 15 s). Writes bench/results/web-bundle.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeResult } from './support/results';

const REPO = resolve(__dirname, '..');
const DIST = 'dist/apps/web';
const BEFORE_TREE = '/tmp/ll-before';
const ADMIN_FEATURES = ['admin-logs', 'admin-exceptions', 'admin-performance', 'admin-audit'];
const DASHBOARD_SRC = 'src/features/dashboard/DashboardPage.tsx';
const TARGET_RATIO = 1.1;

/** A source module of the admin console, as the manifest or a source map names it. */
const isAdminSource = (path: string) => /(^|\/)src\/(app\/admin\/|features\/admin-)/.test(path);

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

interface Totals {
  files: number;
  bytes: number;
  gzipBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

const run = (command: string, args: string[], cwd = REPO) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const git = (...args: string[]) => run('git', args).trim();

function sizeOf(dist: string, file: string): FileSize {
  const content = readFileSync(join(dist, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

function totalsOf(files: FileSize[]): Totals {
  const sum = (list: FileSize[]) => list.reduce((total, { gzipBytes }) => total + gzipBytes, 0);
  return {
    files: files.length,
    bytes: files.reduce((total, { bytes }) => total + bytes, 0),
    gzipBytes: sum(files),
    jsGzipBytes: sum(files.filter(({ file }) => file.endsWith('.js'))),
    cssGzipBytes: sum(files.filter(({ file }) => file.endsWith('.css'))),
  };
}

/** The manifest keys a chunk pulls in before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/** The files those chunks download: their JS, CSS and the assets they import. */
function filesOf(manifest: Manifest, keys: Iterable<string>): string[] {
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key];
    files.add(chunk.file);
    for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
  }
  return [...files];
}

/** Admin lazy chunks: the entry's admin imports and whatever they load lazily in turn. */
function adminEntries(manifest: Manifest, entryKey: string): string[] {
  const found: string[] = [];
  const visit = (keys: string[]) => {
    for (const key of keys) {
      if (found.includes(key) || !isAdminSource(manifest[key]?.src ?? '')) continue;
      found.push(key);
      visit(manifest[key].dynamicImports ?? []);
    }
  };
  visit(manifest[entryKey].dynamicImports ?? []);
  return found;
}

/** Sources, from each JS file's source map, that belong to the admin console. */
function adminModulesIn(dist: string, files: string[]): { file: string; modules: string[] }[] {
  return files
    .filter((file) => file.endsWith('.js') && existsSync(join(dist, `${file}.map`)))
    .map((file) => {
      const { sources = [] } = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as {
        sources?: string[];
      };
      return { file, modules: sources.filter(isAdminSource) };
    })
    .filter(({ modules }) => modules.length > 0);
}

function measure(dist: string) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  const dashboardKey = Object.keys(manifest).find((key) => manifest[key].src === DASHBOARD_SRC);
  if (!entryKey || !dashboardKey) throw new Error(`${dist}: no entry or no dashboard chunk`);

  const userKeys = staticClosure(manifest, dashboardKey, staticClosure(manifest, entryKey));
  const userFiles = ['index.html', ...filesOf(manifest, userKeys)];
  const user = userFiles.map((file) => sizeOf(dist, file));

  const admin = adminEntries(manifest, entryKey);
  const pages = admin.map((key) => {
    const files = filesOf(manifest, staticClosure(manifest, key)).filter(
      (file) => !userFiles.includes(file),
    );
    const sizes = files.map((file) => sizeOf(dist, file));
    return { src: manifest[key].src, chunk: manifest[key].file, adds: totalsOf(sizes), files };
  });
  const adminFiles = [...new Set(pages.flatMap(({ files }) => files))].map((file) => ({
    ...sizeOf(dist, file),
    neededBy: pages.filter(({ files }) => files.includes(file)).map(({ src }) => src),
  }));

  return {
    user: {
      loads: ['index.html', manifest[entryKey].file, `${DASHBOARD_SRC} (route "/")`],
      files: user,
      totals: totalsOf(user),
    },
    admin: { files: adminFiles, pages, totals: totalsOf(adminFiles) },
    staticImportCheck: {
      adminChunks: admin.map((key) => manifest[key].file),
      adminChunksImportedStaticallyByUser: admin.filter((key) => userKeys.has(key)),
      userChunksHoldingAdminModules: adminModulesIn(dist, userFiles),
    },
  };
}

/** The revision before the admin console: the parent of the first commit on its feature folders. */
function revisionBefore(): { revision: string; firstAdminCommit: string; subject: string } {
  const folders = ADMIN_FEATURES.map((feature) => `apps/web/src/features/${feature}`);
  const firstAdminCommit = git('log', '--reverse', '--format=%h', '--', ...folders).split('\n')[0];
  const revision = git('rev-parse', '--short', `${firstAdminCommit}^`);
  return { revision, firstAdminCommit, subject: git('log', '-1', '--format=%s', revision) };
}

/** Builds that revision in a throwaway worktree and measures it; the worktree is removed after. */
function measureBefore(revision: string) {
  if (existsSync(BEFORE_TREE)) git('worktree', 'remove', '--force', BEFORE_TREE);
  git('worktree', 'add', '--detach', BEFORE_TREE, revision);
  try {
    symlinkSync(join(REPO, 'node_modules'), join(BEFORE_TREE, 'node_modules'));
    // That revision's Vite config writes no manifest: the flag asks for it, nothing else changes.
    run('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--manifest'], BEFORE_TREE);
    return measure(join(BEFORE_TREE, DIST)).user;
  } finally {
    git('worktree', 'remove', '--force', BEFORE_TREE);
  }
}

// kB as Vite prints them (1 000 bytes), so the table reads next to the build's own output.
const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const row = (name: string, size: { bytes: number; gzipBytes: number }) =>
  console.log(
    `  ${name.padEnd(58)} ${kb(size.bytes).padStart(11)} ${kb(size.gzipBytes).padStart(10)}`,
  );

const head = git('rev-parse', '--short', 'HEAD');
// Others may be editing the SPA while this runs: the build measures the working tree, so say so.
const webChanges = run('git', ['status', '--porcelain', '--', 'apps/web', 'libs'])
  .split('\n')
  .filter(Boolean)
  .map((line) => line.slice(3));
console.log(`Building the SPA at ${head}${webChanges.length ? ' (with uncommitted changes)' : ''}`);
run('npx', ['nx', 'build', 'web', '--skip-nx-cache']);
const now = measure(join(REPO, DIST));

const before = revisionBefore();
console.log(`Building ${before.revision} (${before.subject}), before ${before.firstAdminCommit}`);
const userBefore = measureBefore(before.revision);
const ratio = now.user.totals.gzipBytes / userBefore.totals.gzipBytes;

console.log(`\n${'file'.padStart(8).padEnd(60)} ${'raw'.padStart(11)} ${'gzip -9'.padStart(10)}`);
console.log('User on the dashboard');
for (const file of now.user.files) row(file.file, file);
row('total', now.user.totals);
console.log('Admin console (what it adds to the above)');
for (const file of now.admin.files) row(file.file, file);
row('total', now.admin.totals);
console.log('Admin pages (each with its imports not in the user part)');
for (const page of now.admin.pages) row(page.src ?? page.chunk, page.adds);
console.log(`User on the dashboard before the admin console (${before.revision})`);
for (const file of userBefore.files) row(file.file, file);
row('total', userBefore.totals);
console.log(
  `\nUser part now / before: ${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO.toFixed(2)}); ` +
    `admin chunks imported statically by the user part: ` +
    `${now.staticImportCheck.adminChunksImportedStaticallyByUser.length}; ` +
    `user chunks holding admin modules: ${now.staticImportCheck.userChunksHoldingAdminModules.length}`,
);

writeResult('web-bundle', {
  benchmark: 'web-bundle',
  date: new Date().toISOString(),
  node: process.version,
  vite: (
    JSON.parse(readFileSync(join(REPO, 'node_modules/vite/package.json'), 'utf8')) as {
      version: string;
    }
  ).version,
  compression: 'gzip, node:zlib level 9',
  unit: 'bytes',
  revision: head,
  uncommittedWebChanges: webChanges,
  user: now.user,
  admin: now.admin,
  staticImportCheck: now.staticImportCheck,
  before: { ...before, user: userBefore },
  userRatio: {
    nowOverBefore: Number(ratio.toFixed(4)),
    target: TARGET_RATIO,
    withinTarget: ratio <= TARGET_RATIO,
  },
});
