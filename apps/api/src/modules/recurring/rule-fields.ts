import type { FieldErrors } from '../../common/errors/domain-errors';
import type { UpdateRecurringRuleDto } from './dto/recurring-rule.dto';
import type { RuleFields } from './recurring-rules.store';

/** What the schedule's fields say together: one plain message per field that does not fit. */
export function scheduleProblems(fields: RuleFields): FieldErrors {
  const problems: FieldErrors = {};
  const monthly = fields.frequency === 'monthly';
  if (monthly && fields.dayOfMonth === null && !fields.lastDayOfMonth) {
    problems.dayOfMonth = ['a monthly rule needs dayOfMonth (1 to 28) or lastDayOfMonth'];
  }
  if (monthly && fields.dayOfMonth !== null && fields.lastDayOfMonth) {
    problems.dayOfMonth = ['give either dayOfMonth or lastDayOfMonth, not both'];
  }
  if (!monthly && (fields.dayOfMonth !== null || fields.lastDayOfMonth)) {
    problems.dayOfMonth = ['dayOfMonth and lastDayOfMonth are for monthly rules only'];
  }
  if (fields.endDate !== null && fields.endDate < fields.startDate) {
    problems.endDate = ['endDate must not be before startDate'];
  }
  if (fields.endDate !== null && fields.occurrenceCount !== null) {
    problems.occurrenceCount = ['give either endDate or occurrenceCount, not both'];
  }
  return problems;
}

/** The day of the month after an update: one given replaces the other way of saying it. */
function monthDayAfter(
  current: RuleFields,
  changes: UpdateRecurringRuleDto,
  frequency: RuleFields['frequency'],
): Pick<RuleFields, 'dayOfMonth' | 'lastDayOfMonth'> {
  const { dayOfMonth, lastDayOfMonth } = changes;
  if (dayOfMonth === undefined && lastDayOfMonth === undefined) {
    return frequency === 'monthly'
      ? { dayOfMonth: current.dayOfMonth, lastDayOfMonth: current.lastDayOfMonth }
      : { dayOfMonth: null, lastDayOfMonth: false };
  }
  return {
    dayOfMonth: dayOfMonth !== undefined ? dayOfMonth : lastDayOfMonth ? null : current.dayOfMonth,
    lastDayOfMonth:
      lastDayOfMonth ??
      (dayOfMonth !== undefined && dayOfMonth !== null ? false : current.lastDayOfMonth),
  };
}

/**
 * A rule's fields after a partial update. Choosing a frequency other than monthly drops the day
 * of the month; giving a day of the month or the last day replaces the other; choosing one way
 * to end (a date or a count) drops the other. Contradictions left are refused by
 * `scheduleProblems`.
 */
export function fieldsAfter(current: RuleFields, changes: UpdateRecurringRuleDto): RuleFields {
  const pick = <K extends keyof RuleFields & keyof UpdateRecurringRuleDto>(key: K) =>
    changes[key] === undefined ? current[key] : changes[key];
  const frequency = changes.frequency ?? current.frequency;
  const endsByDate = changes.endDate !== undefined && changes.endDate !== null;
  const endsByCount = changes.occurrenceCount !== undefined && changes.occurrenceCount !== null;
  return {
    ...current,
    name: changes.name ?? current.name,
    description: pick('description') ?? null,
    categoryId: pick('categoryId') ?? null,
    type: changes.type ?? current.type,
    amountCents: changes.amountCents ?? current.amountCents,
    currency: changes.currency ?? current.currency,
    frequency,
    interval: changes.interval ?? current.interval,
    ...monthDayAfter(current, changes, frequency),
    startDate: changes.startDate ?? current.startDate,
    endDate: endsByCount && !endsByDate ? null : (pick('endDate') ?? null),
    occurrenceCount: endsByDate && !endsByCount ? null : (pick('occurrenceCount') ?? null),
  };
}
