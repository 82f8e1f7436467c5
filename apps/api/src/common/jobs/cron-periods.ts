import { CronTime } from 'cron';

/**
 * How early a tick may fire and still count for the period it was scheduled for; timers fire a
 * few milliseconds early or late, and a late tick must count for its own period, not the next.
 */
const EARLY_TICK_TOLERANCE_MS = 1000;

/**
 * The start of the period of `cronTime` that `now` falls in: its latest occurrence at or before
 * `now` (with a small tolerance for a tick that fires just before its time). Instances ticking
 * for the same period agree on it, however late one of them ticks.
 */
export function periodStartOf(cronTime: string, now: Date): Date {
  const schedule = new CronTime(cronTime);
  const next = (from: Date) => schedule.getNextDateFrom(from).toJSDate();
  const following = next(now);
  const width = next(following).getTime() - following.getTime();
  const at = new Date(now.getTime() + Math.min(EARLY_TICK_TOLERANCE_MS, width / 4));
  // Step back until an occurrence lies at or before `at`, then forward to the latest one.
  let from = new Date(at.getTime() - width);
  while (next(from) > at) from = new Date(from.getTime() - width);
  let occurrence = next(from);
  for (let later = next(occurrence); later <= at; later = next(occurrence)) occurrence = later;
  return occurrence;
}
