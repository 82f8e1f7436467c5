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
 * Then (c) what a first visit transfers over the wire, as the API serves the build: Chromium with an
 * empty cache opens `/` signed out (it lands on sign-in) and signed in (a stored session, as after a
 * reload: the dashboard), once asking for brotli (Chromium's own Accept-Encoding) and once for gzip
 * only (what it asks a plain-http address), and the DevTools protocol counts each answer's bytes
 * (`Network.loadingFinished` encodedDataLength: headers and body as sent). The app runs with the
 * demo data and is entered as the demo user. Lighthouse's mobile performance audit (simulated slow
 * 4G, 4x CPU slowdown) of the signed-in dashboard runs three times; the median run is kept. Both are
 * measured on this checkout's build and on the revision before the serving change (the parent of
 * the first commit on apps/api/src/app/web-app, built in /tmp/ll-before-serving with a copy of
 * node_modules matched to its lockfile).
 *
 * Run: `npm run bench:web-bundle` (three web builds and two API builds, then the visits: about
 * 6 min). Writes bench/results/web-bundle.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../apps/web-e2e/src/support/browser';
import { type RunningApp, startApp } from '../apps/web-e2e/src/support/app';
import { firstVisit, type Visit } from './support/first-visit';
import { type LighthouseRun, lighthouseMobile } from './support/lighthouse-mobile';
import { writeResult } from './support/results';

const REPO = resolve(__dirname, '..');
// Nx builds here and in throwaway worktrees: none of them may leave a daemon behind.
process.env['NX_DAEMON'] = 'false';
const DIST = 'dist/apps/web';
const BEFORE_TREE = '/tmp/ll-before';
const ADMIN_FEATURES = ['admin-logs', 'admin-exceptions', 'admin-performance', 'admin-audit'];
const DASHBOARD_SRC = 'src/features/dashboard/DashboardPage.tsx';
const TARGET_RATIO = 1.1;
const SERVING_CODE = 'apps/api/src/app/web-app';
const SERVING_BEFORE_TREE = '/tmp/ll-before-serving';
const DEMO_USER = { email: 'demo@ledgerlens.local', password: 'ledgerlens-demo' };
/** Chromium's own Accept-Encoding (at https or localhost), and what it sends a plain-http address. */
const ACCEPT_ENCODINGS = { brotli: 'gzip, deflate, br, zstd', gzip: 'gzip, deflate' };
const LIGHTHOUSE_RUNS = 3;

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

/**
 * Runs `work` in a throwaway worktree of `revision` at `dir`. Its node_modules: this checkout's
 * (`shared`), or a copy brought in line with that revision's lockfile (`own`), for a build that
 * needs packages this checkout no longer has.
 */
async function inWorktree<T>(
  revision: string,
  dir: string,
  modules: 'shared' | 'own',
  work: () => T | Promise<T>,
): Promise<T> {
  if (existsSync(dir)) git('worktree', 'remove', '--force', dir);
  git('worktree', 'add', '--detach', dir, revision);
  try {
    if (modules === 'shared') {
      symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
    } else {
      run('cp', ['-a', join(REPO, 'node_modules'), join(dir, 'node_modules')]);
      run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
    }
    return await work();
  } finally {
    git('worktree', 'remove', '--force', dir);
  }
}

/** Builds that revision's SPA and measures it. */
function measureBefore(revision: string) {
  return inWorktree(revision, BEFORE_TREE, 'shared', () => {
    // That revision's Vite config writes no manifest: the flag asks for it, nothing else changes.
    run('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--manifest'], BEFORE_TREE);
    return measure(join(BEFORE_TREE, DIST)).user;
  });
}

/** The revision before the serving change: the parent of the first commit on its folder. */
function servingRevisionBefore(): {
  revision: string;
  firstServingCommit: string;
  subject: string;
} {
  const firstServingCommit = git('log', '--reverse', '--format=%h', '--', SERVING_CODE).split(
    '\n',
  )[0];
  const revision = git('rev-parse', '--short', `${firstServingCommit}^`);
  return { revision, firstServingCommit, subject: git('log', '-1', '--format=%s', revision) };
}

/** A refresh token of the demo user, as sign-in stores it in the browser. */
async function demoRefreshToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEMO_USER),
  });
  if (!response.ok) throw new Error(`Demo sign-in answered ${response.status}`);
  return ((await response.json()) as { refreshToken: string }).refreshToken;
}

const signInShown = (page: Page) => page.getByRole('heading', { name: 'Sign in' }).waitFor();
const dashboardShown = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor({ timeout: 30_000 });

interface WireFigures {
  visits: Record<keyof typeof ACCEPT_ENCODINGS, { signInPage: Visit; dashboard: Visit }>;
  lighthouse: { median: LighthouseRun; scores: number[] };
}

/** First visits and Lighthouse runs against the app `start` serves (with the demo data). */
async function wireFigures(start: (env: Record<string, string>) => Promise<RunningApp>) {
  const app = await start({ SEED_DEMO_DATA: 'true' });
  const browser = await launchChromium();
  try {
    const visits = {} as WireFigures['visits'];
    for (const [name, acceptEncoding] of Object.entries(ACCEPT_ENCODINGS)) {
      const plan = { baseUrl: app.baseUrl, acceptEncoding };
      visits[name as keyof typeof ACCEPT_ENCODINGS] = {
        signInPage: await firstVisit(browser, { ...plan, shown: signInShown }),
        dashboard: await firstVisit(browser, {
          ...plan,
          refreshToken: await demoRefreshToken(app.baseUrl),
          shown: dashboardShown,
        }),
      };
    }
    const runs: LighthouseRun[] = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
      runs.push(await lighthouseMobile(`${app.baseUrl}/`, await demoRefreshToken(app.baseUrl)));
    }
    const byScore = [...runs].sort((a, b) => a.score - b.score);
    const lighthouse = {
      median: byScore[Math.floor(byScore.length / 2)],
      scores: runs.map(({ score }) => score),
    };
    return { visits, lighthouse } satisfies WireFigures;
  } finally {
    await browser.close();
    await app.stop();
  }
}

/** Builds the SPA and the API of that revision and measures what they send. */
function wireFiguresBefore(revision: string) {
  return inWorktree(revision, SERVING_BEFORE_TREE, 'own', () => {
    run('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts'], SERVING_BEFORE_TREE);
    // Through Nx: the API's webpack plugin reads Nx's project graph.
    run(
      'npx',
      ['nx', 'build', 'api', '--skip-nx-cache', '--outputStyle=static'],
      SERVING_BEFORE_TREE,
    );
    // That revision's own launcher starts that revision's own build.
    const before = require(join(SERVING_BEFORE_TREE, 'apps/web-e2e/src/support/app')) as {
      startApp: typeof startApp;
    };
    return wireFigures(before.startApp);
  });
}

// kB as Vite prints them (1 000 bytes), so the table reads next to the build's own output.
const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const row = (name: string, size: { bytes: number; gzipBytes: number }) =>
  console.log(
    `  ${name.padEnd(58)} ${kb(size.bytes).padStart(11)} ${kb(size.gzipBytes).padStart(10)}`,
  );

/** The wire figures of the visits, in kB, as a table row per page and encoding. */
function printVisits(title: string, figures: WireFigures) {
  console.log(title);
  for (const [encoding, pages] of Object.entries(figures.visits)) {
    for (const [name, visit] of Object.entries(pages)) {
      console.log(
        `  ${`${name} (${encoding}), landed on ${visit.landedOn}`.padEnd(50)} ` +
          `app files ${kb(visit.appFiles.wireBytes).padStart(10)} in ${visit.appFiles.requests}, ` +
          `API ${kb(visit.api.wireBytes).padStart(9)}, total ${kb(visit.total.wireBytes).padStart(10)}`,
      );
    }
  }
  const { median, scores } = figures.lighthouse;
  console.log(
    `  Lighthouse mobile, dashboard: score ${median.score} (runs ${scores.join(', ')}), ` +
      `FCP ${median.firstContentfulPaintMs} ms, LCP ${median.largestContentfulPaintMs} ms, ` +
      `CLS ${median.cumulativeLayoutShift}, TBT ${median.totalBlockingTimeMs} ms`,
  );
}

/** A visit as recorded: its totals, and per answer its path, encoding and wire bytes. */
const recorded = ({ transfers, ...totals }: Visit) => ({
  ...totals,
  transfers: transfers.map(({ path, type, encoding, wireBytes }) => [
    path,
    type,
    encoding,
    wireBytes,
  ]),
});
const recordedFigures = ({ visits, lighthouse }: WireFigures) => ({
  visits: Object.fromEntries(
    Object.entries(visits).map(([encoding, pages]) => [
      encoding,
      { signInPage: recorded(pages.signInPage), dashboard: recorded(pages.dashboard) },
    ]),
  ),
  lighthouse,
});

async function main() {
  // Other work on the machine slows the browser and skews Lighthouse: the results say how busy it was.
  const loadAtStart = loadavg()[0];
  const head = git('rev-parse', '--short', 'HEAD');
  // Others may be editing the SPA while this runs: the build measures the working tree, so say so.
  const webChanges = run('git', ['status', '--porcelain', '--', 'apps/web', 'apps/api', 'libs'])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  console.log(
    `Building the SPA and the API at ${head}${webChanges.length ? ' (with uncommitted changes)' : ''}`,
  );
  run('npx', ['nx', 'build', 'web', '--skip-nx-cache']);
  run('npx', ['nx', 'build', 'api']);
  const now = measure(join(REPO, DIST));

  const before = revisionBefore();
  console.log(`Building ${before.revision} (${before.subject}), before ${before.firstAdminCommit}`);
  const userBefore = await measureBefore(before.revision);
  const ratio = now.user.totals.gzipBytes / userBefore.totals.gzipBytes;

  console.log('First visits and Lighthouse on this build');
  const wireNow = await wireFigures(startApp);
  const servingBefore = servingRevisionBefore();
  console.log(
    `Building and serving ${servingBefore.revision} (${servingBefore.subject}), ` +
      `before ${servingBefore.firstServingCommit}`,
  );
  const wireBefore = await wireFiguresBefore(servingBefore.revision);

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
  console.log('\nFirst visits over the wire (kB of 1 000 bytes)');
  printVisits(`Before the serving change (${servingBefore.revision})`, wireBefore);
  printVisits(`Now (${head})`, wireNow);

  writeResult('web-bundle', {
    benchmark: 'web-bundle',
    date: new Date().toISOString(),
    node: process.version,
    machine: {
      cpus: cpus().length,
      loadAverage1m: { atStart: loadAtStart, atEnd: loadavg()[0] },
    },
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
    firstVisit: {
      method:
        'Chromium (playwright-core, empty cache) opening / signed out (lands on sign-in) and with the ' +
        "demo user's session stored (lands on the dashboard); bytes are CDP Network.loadingFinished " +
        'encodedDataLength (headers and body as received) until the network is quiet for 1 s. ' +
        'brotli: Accept-Encoding "gzip, deflate, br, zstd"; gzip: "gzip, deflate". Transfers are ' +
        '[path, type, Content-Encoding, bytes]. Lighthouse 12 mobile (simulated slow 4G, 4x CPU) of ' +
        'the signed-in dashboard, median of three runs by score.',
      before: { ...servingBefore, ...recordedFigures(wireBefore) },
      now: { revision: head, ...recordedFigures(wireNow) },
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
