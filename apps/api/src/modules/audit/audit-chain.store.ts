import type { AuditChainHeadTable, AuditChangesTable } from '../../database/generated/db-tables';
import { oneRowOf, Queryable, rowsOf } from '../../database/typed-rows';

/** The hash before the first row, as the audit-trail migration seeds the chain head. */
export const GENESIS_HASH = '0'.repeat(64);

/** How many rows of the chain one read returns. */
export const CHAIN_CHUNK = 5000;

/** A row of the chain with the fields its hash covers. */
export type ChainRow = Pick<AuditChangesTable, 'id' | 'hash'> & {
  /** The hashed fields as text, in hashing order, the previous hash excluded. */
  fields: string[];
};

/** Where the chain ends: its last row and that row's hash. */
export type ChainHead = Pick<AuditChainHeadTable, 'last_change_id' | 'last_hash'>;

/**
 * `audit_changes` in chain order after `lastId`, at most `CHAIN_CHUNK` rows. The fields are the
 * same canonical text the trigger's `audit_change_hash` covers, rebuilt independently from the
 * stored columns: time to the microsecond in UTC.
 */
export function chainRowsAfter(db: Queryable, lastId: string): Promise<ChainRow[]> {
  return rowsOf<ChainRow>(
    db,
    `SELECT id, hash,
       ARRAY[table_name, row_id, action,
             coalesce(old_data::text, ''), coalesce(new_data::text, ''),
             array_to_string(changed_columns, ','),
             coalesce(user_id::text, ''), coalesce(trace_id, ''),
             to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')] AS fields
     FROM audit_changes WHERE audit_changes.id > $1 ORDER BY audit_changes.id LIMIT ${CHAIN_CHUNK}`,
    [lastId],
  );
}

/** The recorded head of the chain (`audit_chain_head`), if any. */
export function chainHead(db: Queryable): Promise<ChainHead | undefined> {
  return oneRowOf<ChainHead>(db, `SELECT last_change_id, last_hash FROM audit_chain_head`);
}
