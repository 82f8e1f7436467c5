import type { IgnoreInput } from './api/exception-actions';

export type IgnoreMode = 'untilChanged' | 'untilTime' | 'untilCount';

export interface IgnoreFormValues {
  mode: IgnoreMode;
  /** A `datetime-local` value, in the viewer's time zone: `2026-11-22T09:30`. */
  until: string;
  untilCount: string;
}

export type IgnoreChecked =
  | { ok: true; body: IgnoreInput }
  | { ok: false; errors: Partial<Record<'until' | 'untilCount', string>> };

/**
 * The ignore request's body from the form. Only what the form can tell is checked here (a
 * choice left empty); the API judges the rest (a past time, a count out of range) and its
 * messages show by the same fields.
 */
export function ignoreBody(values: IgnoreFormValues): IgnoreChecked {
  if (values.mode === 'untilTime') {
    const until = new Date(values.until);
    if (values.until === '' || Number.isNaN(until.getTime())) {
      return { ok: false, errors: { until: 'Choose the date and time to ignore it until.' } };
    }
    return { ok: true, body: { until: until.toISOString() } };
  }
  if (values.mode === 'untilCount') {
    if (values.untilCount.trim() === '' || Number.isNaN(Number(values.untilCount))) {
      return { ok: false, errors: { untilCount: 'Enter how many more occurrences to ignore.' } };
    }
    return { ok: true, body: { untilCount: Number(values.untilCount) } };
  }
  return { ok: true, body: {} };
}
