import { formatMoney } from '../../ui';
import { formatSettings } from '../../lib/format-settings';
import type { Goal } from './api/get-goals';

/** "€300.00 of €1,500.00 (20%)": what a goal's progress bar says. */
export function savedOfTarget(goal: Goal): string {
  const { savedCents, percent } = goal.progress;
  return `${formatMoney(savedCents, goal.currency)} of ${formatMoney(goal.targetCents, goal.currency)} (${percent}%)`;
}

/** A `YYYY-MM` month in the user's date format: "June 2027". */
export function formatMonth(month: string): string {
  const [year = NaN, monthNumber = NaN] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(formatSettings().dateLocale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** When the goal is reached at the last three months' pace, in words. */
export function projectionText(goal: Goal): string {
  const { projectedMonth, paceCents } = goal.progress;
  if (projectedMonth) return `At this pace: ${formatMonth(projectedMonth)}`;
  const pace = BigInt(paceCents);
  if (pace > 0n) return 'At this pace: more than 100 years away';
  return pace < 0n
    ? 'Savings shrank over the last three months'
    : 'Nothing saved over the last three months';
}
