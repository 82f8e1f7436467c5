import type { components } from '@ledgerlens/contracts';

export type CreateSilenceInput = components['schemas']['CreateSilenceDto'];

export const SILENCE_DURATIONS = {
  '1h': { label: '1 hour', hours: 1 },
  '4h': { label: '4 hours', hours: 4 },
  '24h': { label: '24 hours', hours: 24 },
  custom: { label: 'Until a date and time', hours: null },
} as const;
export type SilenceDuration = keyof typeof SILENCE_DURATIONS;

export interface SilenceFormValues {
  duration: SilenceDuration;
  /** A `datetime-local` value in the viewer's time zone, for `custom`. */
  until: string;
  comment: string;
}

export const EMPTY_SILENCE: SilenceFormValues = { duration: '1h', until: '', comment: '' };

export type SilenceChecked =
  | { ok: true; body: CreateSilenceInput }
  | { ok: false; errors: Partial<Record<'endsAt' | 'comment', string>> };

/**
 * The body of a silence of one rule, starting now. The API judges the rest (an end in the past),
 * and its messages show by the same fields (`endsAt`, `comment`).
 */
export function silenceBody(ruleId: string, values: SilenceFormValues, now: Date): SilenceChecked {
  const errors: Partial<Record<'endsAt' | 'comment', string>> = {};
  const { hours } = SILENCE_DURATIONS[values.duration];
  let endsAt: Date | null = null;
  if (hours !== null) {
    endsAt = new Date(now.getTime() + hours * 3600_000);
  } else {
    const until = new Date(values.until);
    if (values.until === '' || Number.isNaN(until.getTime())) {
      errors.endsAt = 'Choose when the silence ends.';
    } else {
      endsAt = until;
    }
  }
  const comment = values.comment.trim();
  if (comment === '') errors.comment = 'Say why the alerts are silenced.';
  if (!endsAt || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { ruleId, endsAt: endsAt.toISOString(), comment } };
}
