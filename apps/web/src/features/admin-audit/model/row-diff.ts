import type { AuditChange } from '../api/types';

/** One column a change touched: its value before and after (undefined: the row had none). */
export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed';
}

const isEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The field-by-field difference of one row change, in the order the database recorded its
 * changed columns: a creation lists every field as added, a deletion as removed, and an update
 * only what differs (a column listed but equal on both sides is left out).
 */
export function rowDiffOf(
  change: Pick<AuditChange, 'changedColumns' | 'oldData' | 'newData'>,
): FieldDiff[] {
  const before = change.oldData ?? {};
  const after = change.newData ?? {};
  const columns =
    change.changedColumns.length > 0
      ? change.changedColumns
      : [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return columns.flatMap((field): FieldDiff[] => {
    const had = change.oldData !== null && field in before;
    const has = change.newData !== null && field in after;
    if (had && has && isEqual(before[field], after[field])) return [];
    return [
      {
        field,
        before: had ? before[field] : undefined,
        after: has ? after[field] : undefined,
        kind: had && has ? 'changed' : has ? 'added' : 'removed',
      },
    ];
  });
}

/** A column's value as text for the diff: `(none)` for absent, `null`, JSON for the rest. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
