import { InvalidRequestError } from '../errors/domain-errors';

export interface TimeRange {
  from: Date;
  to: Date;
}

export interface TimeRangeRules {
  /** Span of the range when `from` is not given (`to` defaults to now). */
  defaultSpanMs: number;
  /** Longest range accepted, in days. */
  maxDays: number;
}

const DAY_MS = 86_400_000;

/**
 * The range an optional `from`/`to` pair of ISO timestamps asks for: `to` defaults to now,
 * `from` to `defaultSpanMs` before `to`. A range the wrong way round or too long is a 400
 * naming `from`.
 */
export function resolveTimeRange(
  query: { from?: string; to?: string },
  rules: TimeRangeRules,
  now = new Date(),
): TimeRange {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - rules.defaultSpanMs);
  const spanMs = to.getTime() - from.getTime();
  if (spanMs <= 0) {
    throw new InvalidRequestError('from must be before to', { from: ['from must be before to'] });
  }
  if (spanMs > rules.maxDays * DAY_MS) {
    throw new InvalidRequestError(`The range can span ${rules.maxDays} days at most`, {
      from: [`from must be at most ${rules.maxDays} days before to`],
    });
  }
  return { from, to };
}
