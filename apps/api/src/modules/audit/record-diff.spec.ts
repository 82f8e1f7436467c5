import { fieldNameOf } from '../../common/http/field-names';
import { fieldChangesOf, isSoftDelete } from './record-diff';

describe('record diff', () => {
  it('names fields as the API does', () => {
    expect(fieldNameOf('amount_cents')).toBe('amountCents');
    expect(fieldNameOf('occurred_on')).toBe('occurredOn');
    expect(fieldNameOf('name')).toBe('name');
  });

  it('lists changed fields with before and after, leaving bookkeeping out', () => {
    const changes = fieldChangesOf({
      changedColumns: ['amount_cents', 'notes', 'updated_at', 'updated_by'],
      oldData: { amount_cents: 100, notes: null, updated_at: 'a', updated_by: null },
      newData: { amount_cents: 250, notes: 'n', updated_at: 'b', updated_by: 'u' },
    });
    expect(changes).toEqual([
      { field: 'amountCents', from: 100, to: 250 },
      { field: 'notes', from: null, to: 'n' },
    ]);
  });

  it('shows the filled fields of a created record as coming from nothing', () => {
    const changes = fieldChangesOf({
      changedColumns: ['id', 'description', 'notes', 'user_id', 'created_at'],
      oldData: null,
      newData: { id: 'x', description: 'Rent', notes: null, user_id: 'u', created_at: 't' },
    });
    expect(changes).toEqual([{ field: 'description', from: null, to: 'Rent' }]);
  });

  it('tells a soft delete from an edit, a restore and a hard delete', () => {
    expect(
      isSoftDelete({
        action: 'UPDATE',
        oldData: { deleted_at: null },
        newData: { deleted_at: 't' },
      }),
    ).toBe(true);
    expect(
      isSoftDelete({
        action: 'UPDATE',
        oldData: { deleted_at: null },
        newData: { deleted_at: null },
      }),
    ).toBe(false);
    expect(
      isSoftDelete({
        action: 'UPDATE',
        oldData: { deleted_at: 't' },
        newData: { deleted_at: null },
      }),
    ).toBe(false);
    expect(isSoftDelete({ action: 'DELETE', oldData: {}, newData: null })).toBe(true);
  });
});
