import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The content codings the web build writes copies in, best first, and the copies' extensions. */
export const CODINGS = [
  { coding: 'br', extension: '.br' },
  { coding: 'gzip', extension: '.gz' },
] as const;
export type Coding = (typeof CODINGS)[number]['coding'];

export interface BuiltFile {
  /** Absolute path of the file as built. */
  path: string;
  /** Its precompressed copies beside it, by content coding. */
  copies: Partial<Record<Coding, string>>;
}

export interface WebBuildOptions {
  /** List the source maps (`.map`) too: they hold the SPA's whole source. */
  sourceMaps: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    // Dot folders and files (.vite/manifest.json) are the build's own notes, not the site.
    if (entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/**
 * The files of the web build, by URL path (`/assets/index-abc123.js`), each with its copies.
 * Read once: a build is replaced by restarting, and only what is listed here is ever served, so
 * no request path reaches the file system.
 */
export function readWebBuild(
  rootDir: string,
  { sourceMaps }: WebBuildOptions,
): Map<string, BuiltFile> {
  const paths = new Set(filesUnder(rootDir));
  const isCopy = (path: string) =>
    CODINGS.some(
      ({ extension }) => path.endsWith(extension) && paths.has(path.slice(0, -extension.length)),
    );
  const files = new Map<string, BuiltFile>();
  for (const path of paths) {
    if (isCopy(path) || (!sourceMaps && path.endsWith('.map'))) continue;
    const copies: BuiltFile['copies'] = {};
    for (const { coding, extension } of CODINGS) {
      if (paths.has(`${path}${extension}`)) copies[coding] = `${path}${extension}`;
    }
    files.set(`/${relative(rootDir, path).split(sep).join('/')}`, { path, copies });
  }
  return files;
}
