import { formatValue, rowDiffOf } from './row-diff';

describe('rowDiffOf', () => {
  it('lists each changed column of an update with its old and new value', () => {
    expect(
      rowDiffOf({
        changedColumns: ['amount_cents', 'notes'],
        oldData: { amount_cents: 1250, notes: null, description: 'Coffee' },
        newData: { amount_cents: 1500, notes: 'with cake', description: 'Coffee' },
      }),
    ).toEqual([
      { field: 'amount_cents', before: 1250, after: 1500, kind: 'changed' },
      { field: 'notes', before: null, after: 'with cake', kind: 'changed' },
    ]);
  });

  it('leaves out a listed column whose value is equal on both sides, arrays included', () => {
    expect(
      rowDiffOf({
        changedColumns: ['alert_thresholds', 'name'],
        oldData: { alert_thresholds: [80, 100], name: 'Food' },
        newData: { alert_thresholds: [80, 100], name: 'Groceries' },
      }),
    ).toEqual([{ field: 'name', before: 'Food', after: 'Groceries', kind: 'changed' }]);
  });

  it('shows a creation as every field added and a deletion as every field removed', () => {
    expect(
      rowDiffOf({
        changedColumns: ['id', 'name'],
        oldData: null,
        newData: { id: 'c1', name: 'Rent' },
      }),
    ).toEqual([
      { field: 'id', before: undefined, after: 'c1', kind: 'added' },
      { field: 'name', before: undefined, after: 'Rent', kind: 'added' },
    ]);
    expect(
      rowDiffOf({ changedColumns: ['name'], oldData: { name: 'Rent' }, newData: null }),
    ).toEqual([{ field: 'name', before: 'Rent', after: undefined, kind: 'removed' }]);
  });

  it('compares every key when no changed columns were recorded', () => {
    expect(
      rowDiffOf({ changedColumns: [], oldData: { b: 1, a: 1 }, newData: { a: 2, b: 1, c: 3 } }),
    ).toEqual([
      { field: 'a', before: 1, after: 2, kind: 'changed' },
      { field: 'c', before: undefined, after: 3, kind: 'added' },
    ]);
  });
});

describe('formatValue', () => {
  it('writes strings as they are, absence in words and the rest as JSON', () => {
    expect(formatValue('Coffee')).toBe('Coffee');
    expect(formatValue(undefined)).toBe('(none)');
    expect(formatValue(null)).toBe('null');
    expect(formatValue([80, 100])).toBe('[80,100]');
    expect(formatValue(false)).toBe('false');
  });
});
