import { Queryable, rowsOf } from '../../database/typed-rows';

/** User-owned tables whose history an owner may read. */
export type OwnedAuditedTable = 'transactions' | 'budgets';

/**
 * Whether the transaction's user sees the record `id` of `table` (deleted records included):
 * Row-Level Security decides, so `db` must be a transaction entered as that user.
 */
export async function isRecordVisible(
  db: Queryable,
  table: OwnedAuditedTable,
  id: string,
): Promise<boolean> {
  const rows = await rowsOf<{ found: number }>(
    db,
    `SELECT 1 AS found FROM "${table}" WHERE id = $1`,
    [id],
  );
  return rows.length > 0;
}
