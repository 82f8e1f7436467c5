import { withClient } from '../../harness';

/**
 * Runs `statement` on `audit_changes` as the superuser with its append-only triggers switched off:
 * what an attacker with full database access could do, for the hash chain to detect.
 */
export function tamperWithAuditChanges(databaseUrl: string, statement: string): Promise<void> {
  return withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_changes DISABLE TRIGGER USER');
    await client.query(statement);
    await client.query('ALTER TABLE audit_changes ENABLE TRIGGER USER');
    await client.query('COMMIT');
  });
}

/** Every `audit_changes` id, in chain order. */
export async function auditChangeIds(
  query: (sql: string) => Promise<{ id: string }[]>,
): Promise<string[]> {
  const rows = await query(`SELECT id::text AS id FROM audit_changes ORDER BY audit_changes.id`);
  return rows.map((row) => row.id);
}
