import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FIGURES_DIR = resolve(__dirname, '../../../../../dist/reliability');

/**
 * Writes the figures of a fault scenario's last run to `dist/reliability/fault-<name>.json`
 * (one file per scenario, so test files running in parallel never write the same file).
 */
export function recordFaultFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const file = join(FIGURES_DIR, `fault-${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ scenario: name, at: new Date().toISOString(), ...figures }, null, 2)}\n`,
  );
}
