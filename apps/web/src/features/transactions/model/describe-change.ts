import { formatDay, formatMoney } from '../../../ui';
import type { Category, FieldChange } from '../api/types';

const FIELD_LABELS: Record<string, string> = {
  amountCents: 'Amount',
  categoryId: 'Category',
  currency: 'Currency',
  description: 'Description',
  notes: 'Notes',
  occurredOn: 'Date',
  type: 'Type',
};

export interface ChangeContext {
  currency: string;
  categoriesById: ReadonlyMap<string, Category>;
}

/** One side of a field change, in the words the list uses (money, dates, category names). */
function describeValue(field: string, value: FieldChange['from'], context: ChangeContext): string {
  if (value === null || value === '') return field === 'categoryId' ? 'no category' : 'empty';
  if (typeof value === 'object') return JSON.stringify(value);
  switch (field) {
    case 'amountCents':
      return formatMoney(Number(value), context.currency);
    case 'occurredOn':
      return formatDay(String(value));
    case 'categoryId':
      return context.categoriesById.get(String(value))?.name ?? 'a removed category';
    default:
      return String(value);
  }
}

/** "Amount: €12.50 → €15.00" */
export function describeFieldChange(change: FieldChange, context: ChangeContext) {
  return {
    label: FIELD_LABELS[change.field] ?? change.field,
    from: describeValue(change.field, change.from, context),
    to: describeValue(change.field, change.to, context),
  };
}
