import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CommandRefusal } from './command-refusal';
import { ChainHead } from './database-facts';

export const MANIFEST_FORMAT = 'ledgerlens-backup/1';

/** The JSON file beside each dump: what was backed up, and how to tell the dump is intact. */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  /** When the snapshot was taken (ISO 8601, UTC). */
  createdAt: string;
  database: string;
  server: { version: string; major: number };
  pgDump: { version: string; major: number };
  /** The last migration applied; a restore runs the ones after it. */
  migrationHead: string | null;
  /** Roles the dump grants to: they must exist in the cluster a restore writes to. */
  roles: string[];
  /** The audit chain's head in the dump: keep it to check the live chain against later. */
  auditChainHead: ChainHead | null;
  /** Rows per table in the same snapshot as the dump. */
  rowCounts: Record<string, number>;
  dump: { file: string; bytes: number; sha256: string };
}

/** The manifest of `dumpFile` sits beside it: `<dump file>.manifest.json`. */
export function manifestPathOf(dumpFile: string): string {
  return `${dumpFile}.manifest.json`;
}

export function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export async function dumpDigestOf(file: string): Promise<BackupManifest['dump']> {
  return { file: basename(file), bytes: statSync(file).size, sha256: await sha256Of(file) };
}

export function writeManifest(dumpFile: string, manifest: BackupManifest): string {
  const path = manifestPathOf(dumpFile);
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return path;
}

function isManifest(value: unknown): value is BackupManifest {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<BackupManifest>;
  return (
    candidate.format === MANIFEST_FORMAT &&
    typeof candidate.dump?.sha256 === 'string' &&
    typeof candidate.pgDump?.major === 'number' &&
    typeof candidate.rowCounts === 'object' &&
    Array.isArray(candidate.roles)
  );
}

export function readManifest(dumpFile: string): BackupManifest {
  const path = manifestPathOf(dumpFile);
  if (!existsSync(path)) {
    throw new CommandRefusal(
      `No manifest at ${path}: db:backup writes one beside each dump, and restore checks the dump ` +
        'against it. Copy the manifest together with the dump. Nothing was restored.',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CommandRefusal(`${path} is not JSON (${String(error)}). Nothing was restored.`);
  }
  if (!isManifest(parsed)) {
    throw new CommandRefusal(
      `${path} is not a Ledgerlens backup manifest (${MANIFEST_FORMAT}). Nothing was restored.`,
    );
  }
  return parsed;
}
