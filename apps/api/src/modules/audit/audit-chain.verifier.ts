import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ChainVerificationDto } from './dto/audit-change.dto';

const CHUNK = 5000;
/** The hash before the first row, as the audit-trail migration seeds the chain head. */
const GENESIS_HASH = '0'.repeat(64);

interface ChainRow {
  id: string;
  hash: string;
  /** The hashed fields as text, in hashing order, the previous hash excluded. */
  fields: string[];
}

/**
 * The same canonical text the trigger's `audit_change_hash` covers, rebuilt independently from
 * the stored columns: fields joined by the unit separator, time to the microsecond in UTC.
 */
const ROWS_SQL = `
  SELECT id::text AS id, hash,
    ARRAY[table_name, row_id, action,
          coalesce(old_data::text, ''), coalesce(new_data::text, ''),
          array_to_string(changed_columns, ','),
          coalesce(user_id::text, ''), coalesce(trace_id, ''),
          to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')] AS fields
  FROM audit_changes WHERE audit_changes.id > $1 ORDER BY audit_changes.id LIMIT ${CHUNK}`;

function chainHash(previous: string, fields: string[]): string {
  return createHash('sha256')
    .update([previous, ...fields].join('\x1f'), 'utf8')
    .digest('hex');
}

/**
 * Walks the row history in chain order and recomputes every hash, in one snapshot so rows
 * appended meanwhile cannot look like a break. Finds edited rows, removed rows and a cut tail.
 */
@Injectable()
export class AuditChainVerifier {
  constructor(private readonly dataSource: DataSource) {}

  verify(): Promise<ChainVerificationDto> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.walk(manager));
  }

  private async walk(manager: EntityManager): Promise<ChainVerificationDto> {
    let previous = GENESIS_HASH;
    let checked = 0;
    let lastId = '0';
    for (;;) {
      const rows: ChainRow[] = await manager.query(ROWS_SQL, [lastId]);
      for (const row of rows) {
        if (chainHash(previous, row.fields) !== row.hash) {
          return {
            ok: false,
            checked,
            firstBrokenId: row.id,
            reason: 'The row does not match its hash: it or a row before it was changed or removed',
          };
        }
        previous = row.hash;
        lastId = row.id;
        checked += 1;
      }
      if (rows.length < CHUNK) break;
    }
    const [head] = await manager.query(
      `SELECT last_change_id::text AS "lastId", last_hash AS "lastHash" FROM audit_chain_head`,
    );
    if (head && head.lastHash !== previous) {
      return {
        ok: false,
        checked,
        firstBrokenId: head.lastId ?? undefined,
        reason: 'The chain ends before its recorded head: rows were removed from its end',
      };
    }
    return { ok: true, checked };
  }
}
