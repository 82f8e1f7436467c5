import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/*
 * docs/architecture.md lists each API module's public surface; this keeps the list true to the
 * modules' entry points (modules/<name>/index.ts), name for name.
 */

const REPOSITORY = resolve(__dirname, '../../..');
const MODULES = join(REPOSITORY, 'apps/api/src/modules');

/** The names an entry point exports: `export { A, b as C } from …` and `export type { … }`. */
function exportedNames(entryPoint: string): string[] {
  const names: string[] = [];
  for (const [, list] of entryPoint.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const item of (list ?? '').split(',')) {
      const name = item
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.push(name);
    }
  }
  return names;
}

/** Module name → the backticked names of its row in the API's public-surface table. */
function documentedSurfaces(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  const document = readFileSync(join(REPOSITORY, 'docs/architecture.md'), 'utf8');
  const table = document.split('| Module ')[1]?.split('\n\n')[0] ?? '';
  for (const [, module, surface] of table.matchAll(/^\| `([a-z-]+)`\s*\|(.*)\|$/gm)) {
    const names = [...(surface ?? '').matchAll(/`@?([A-Za-z_][\w]*)`/g)].map(([, name]) => name);
    rows.set(
      module ?? '',
      names.filter((name): name is string => name !== undefined),
    );
  }
  return rows;
}

const modules = readdirSync(MODULES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('docs/architecture.md lists each module’s public surface', () => {
  const documented = documentedSurfaces();

  it('has a row for every module and none for a module that does not exist', () => {
    expect([...documented.keys()].sort()).toEqual([...modules].sort());
  });

  it.each(modules)('%s: the row names exactly what index.ts exports', (module) => {
    const exported = exportedNames(readFileSync(join(MODULES, module, 'index.ts'), 'utf8'));
    expect([...new Set(documented.get(module))].sort()).toEqual([...new Set(exported)].sort());
  });
});
