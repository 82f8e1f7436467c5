import { MAX_INSIGHT_MONTHS } from '@ledgerlens/contracts';
import { InvalidRequestError } from '../../common/errors/domain-errors';
import type { MonthRange } from './insights.store';

/** A range of months as resolved in the user's time zone. */
export interface ResolvedMonths {
  /** First and last month, `YYYY-MM`, both included. */
  from: string;
  to: string;
  /** How many months that is; below 1 when the range is the wrong way round. */
  span: number;
}

/**
 * The resolved range, or a 400 naming `from` when it is the wrong way round or longer than
 * MAX_INSIGHT_MONTHS. Without `to`, the range ends with the current month, and says so.
 */
export function checkedMonths(asked: MonthRange, resolved: ResolvedMonths): ResolvedMonths {
  const to = asked.to ? 'to' : 'the current month';
  if (resolved.span < 1) refuse(`from must not be after ${to}`);
  if (resolved.span > MAX_INSIGHT_MONTHS) {
    refuse(`from must be at most ${MAX_INSIGHT_MONTHS - 1} months before ${to}`);
  }
  return resolved;
}

function refuse(message: string): never {
  throw new InvalidRequestError(message, { from: [message] });
}
