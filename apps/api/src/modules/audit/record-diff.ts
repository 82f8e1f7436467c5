import { fieldNameOf } from '../../common/http/field-names';
import { AuditChange } from './audit-change.entity';
import { FieldChangeDto } from './dto/audit-change.dto';

/** Columns the database maintains itself: the change's user and time already say them. */
const BOOKKEEPING = new Set([
  'id',
  'user_id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'deleted_by',
]);

/**
 * The field-by-field difference a change made, in column order: bookkeeping left out, and
 * fields that stay empty (e.g. no notes on a new record) too.
 */
export function fieldChangesOf(
  change: Pick<AuditChange, 'changedColumns' | 'oldData' | 'newData'>,
): FieldChangeDto[] {
  return change.changedColumns
    .filter((column) => !BOOKKEEPING.has(column))
    .map((column) => ({
      field: fieldNameOf(column),
      from: change.oldData?.[column] ?? null,
      to: change.newData?.[column] ?? null,
    }))
    .filter((fieldChange) => fieldChange.from !== null || fieldChange.to !== null);
}

/** True when an UPDATE set `deleted_at`: the record was soft-deleted by this change. */
export function isSoftDelete(change: Pick<AuditChange, 'action' | 'oldData' | 'newData'>): boolean {
  return (
    change.action === 'DELETE' ||
    (change.action === 'UPDATE' && !change.oldData?.deleted_at && !!change.newData?.deleted_at)
  );
}
