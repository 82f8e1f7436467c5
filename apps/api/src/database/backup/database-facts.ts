import { Client } from 'pg';
import { MIGRATIONS_TABLE } from '../data-source-options';

/** What `SHOW server_version` says, and the major version number (150020 → 15). */
export interface ServerVersion {
  version: string;
  major: number;
}

export async function serverVersionOf(client: Client): Promise<ServerVersion> {
  const { rows } = await client.query<{ version: string; num: string }>(
    `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num`,
  );
  const [row] = rows;
  return { version: row.version, major: Math.floor(Number(row.num) / 10_000) };
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Rows per table of the `public` schema (partitioned tables counted through their parent, the
 * migrations table included), by name in byte order.
 */
export async function rowCountsOf(client: Client): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition
      ORDER BY relname COLLATE "C"`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM public.${quoted(name)}`,
    );
    counts[name] = Number(rows[0].count);
  }
  return counts;
}

/** The name of the last migration applied, or null when the database was never migrated. */
export async function migrationHeadOf(client: Client): Promise<string | null> {
  const { rows: found } = await client.query<{ present: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AS present`,
    [`public.${MIGRATIONS_TABLE}`],
  );
  if (!found[0].present) return null;
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM public.${quoted(MIGRATIONS_TABLE)} ORDER BY timestamp DESC, id DESC LIMIT 1`,
  );
  return rows[0]?.name ?? null;
}

/**
 * Roles other than the connected user and the built-in `pg_*` ones that the schema's grants and
 * row-level security policies name: roles belong to the cluster, not to a database, so a dump
 * refers to them without holding them.
 */
export async function rolesReferencedBy(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT DISTINCT r.rolname AS name
       FROM (
         SELECT (aclexplode(relacl)).grantee AS role FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relacl IS NOT NULL
         UNION
         SELECT (aclexplode(nspacl)).grantee FROM pg_namespace
          WHERE nspname = 'public' AND nspacl IS NOT NULL
         UNION
         SELECT (aclexplode(proacl)).grantee FROM pg_proc
          WHERE pronamespace = 'public'::regnamespace AND proacl IS NOT NULL
         UNION
         SELECT unnest(pol.polroles) FROM pg_policy pol
           JOIN pg_class cls ON cls.oid = pol.polrelid
          WHERE cls.relnamespace = 'public'::regnamespace
       ) referenced
       JOIN pg_roles r ON r.oid = referenced.role
      WHERE r.rolname <> current_user AND NOT starts_with(r.rolname, 'pg_')
      ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/** Tables, views and sequences in `public`, by name: what makes a database not empty here. */
export async function relationsOf(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      ORDER BY relname COLLATE "C"`,
  );
  return rows.map((row) => row.name);
}

/** Which roles among `names` the cluster lacks. */
export async function missingRoles(client: Client, names: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM unnest($1::text[]) AS name
      WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name)`,
    [names],
  );
  return rows.map((row) => row.name);
}

/** The audit trail's chain head: the last row of the row history and its hash. */
export interface ChainHead {
  lastChangeId: string | null;
  lastHash: string;
}

/**
 * The head of the row history's hash chain (`audit_chain_head`), or null before the audit-trail
 * migration. A copy kept outside the database is what shows a rewrite of the whole chain.
 */
export async function chainHeadOf(client: Client): Promise<ChainHead | null> {
  const { rows: found } = await client.query<{ present: boolean }>(
    `SELECT to_regclass('public.audit_chain_head') IS NOT NULL AS present`,
  );
  if (!found[0].present) return null;
  const { rows } = await client.query<{ last_change_id: string | null; last_hash: string }>(
    'SELECT last_change_id, last_hash FROM public.audit_chain_head',
  );
  return rows[0] ? { lastChangeId: rows[0].last_change_id, lastHash: rows[0].last_hash } : null;
}
