import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * The API's code imports `@ledgerlens/*` through tsconfig paths, which ts-node does not resolve
 * by itself: importing this module first (before any API module) registers them at run time.
 */
const ROOT = resolve(__dirname, '../..');
const base = JSON.parse(readFileSync(resolve(ROOT, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({
  baseUrl: ROOT,
  paths: Object.fromEntries(
    Object.entries(base.compilerOptions.paths).filter(([name]) => name.startsWith('@ledgerlens/')),
  ),
});
