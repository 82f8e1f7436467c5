import type { Frequency, RecurringRule } from './api/get-recurring-rules';

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
};

const UNITS: Record<Frequency, string> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  yearly: 'year',
};

/** 1 → "1st", 22 → "22nd", 13 → "13th". */
export function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th');
  return `${day}${suffix}`;
}

/** "Every month on the 1st", "Every 2 weeks", "Every month on the last day". */
export function scheduleText(
  rule: Pick<RecurringRule, 'frequency' | 'interval' | 'dayOfMonth' | 'lastDayOfMonth'>,
): string {
  const unit = UNITS[rule.frequency];
  const every = rule.interval === 1 ? `Every ${unit}` : `Every ${rule.interval} ${unit}s`;
  if (rule.frequency !== 'monthly') return every;
  return rule.lastDayOfMonth
    ? `${every} on the last day`
    : `${every} on the ${ordinal(rule.dayOfMonth ?? 1)}`;
}

/** "Until 2027-06-30", "12 times", or nothing for a rule without an end. */
export function endText(rule: Pick<RecurringRule, 'endDate' | 'occurrenceCount'>): string | null {
  if (rule.endDate) return `until ${rule.endDate}`;
  if (rule.occurrenceCount) return `${rule.occurrenceCount} times in all`;
  return null;
}
