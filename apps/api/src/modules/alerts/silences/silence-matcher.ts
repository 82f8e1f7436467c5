/**
 * Silences as Alertmanager defines them: a silence mutes the notifications of every alert instance
 * all of whose matchers match, while it is active (`startsAt <= now < endsAt`).
 */

export const SILENCE_MATCH_OPERATORS = ['=', '!=', '=~', '!~'] as const;
export type SilenceMatchOperator = (typeof SILENCE_MATCH_OPERATORS)[number];

export const SILENCE_STATES = ['active', 'pending', 'expired'] as const;
export type SilenceState = (typeof SILENCE_STATES)[number];

/** Longest regular expression a matcher may hold: they run on every notification. */
export const MAX_MATCHER_REGEX_LENGTH = 200;

export interface SilenceMatcher {
  /** A label name, e.g. `severity`, `route`. */
  label: string;
  operator: SilenceMatchOperator;
  /** The value compared, or a regular expression for `=~` and `!~` (matched in full). */
  value: string;
}

/** A silence (`alert_silences`). */
export interface Silence {
  id: string;
  /** When set, only this rule's instances are silenced. */
  ruleId: string | null;
  matchers: SilenceMatcher[];
  startsAt: Date;
  endsAt: Date;
  comment: string;
  /** The email of the admin who created it. */
  author: string;
  createdAt: Date;
}

/** `pending` before `startsAt`, `active` until `endsAt` (exclusive), then `expired`. */
export function silenceStateAt(
  silence: Pick<Silence, 'startsAt' | 'endsAt'>,
  now: Date,
): SilenceState {
  if (now.getTime() < silence.startsAt.getTime()) return 'pending';
  return now.getTime() < silence.endsAt.getTime() ? 'active' : 'expired';
}

const compiled = new Map<string, RegExp | null>();
/** Compiled expressions kept; the map starts over when full (silences are few). */
const COMPILED_LIMIT = 1000;

/**
 * The regular expression of a `=~`/`!~` matcher, anchored at both ends like Alertmanager's
 * (`^(?:value)$`, a full match), with Unicode code points as characters like RE2's. Throws a
 * SyntaxError when it does not compile.
 */
export function matcherRegExp(value: string): RegExp {
  return new RegExp(`^(?:${value})$`, 'u');
}

function cachedRegExp(value: string): RegExp | null {
  let regExp = compiled.get(value);
  if (regExp === undefined) {
    try {
      regExp = matcherRegExp(value);
    } catch {
      // Validated when the silence was made; one that no longer compiles silences nothing.
      regExp = null;
    }
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    compiled.set(value, regExp);
  }
  return regExp;
}

/**
 * Why a matcher's regular expression cannot be used, in words, or undefined when it can.
 */
export function regexProblem(value: string): string | undefined {
  if (value.length > MAX_MATCHER_REGEX_LENGTH) {
    return `the regular expression must be at most ${MAX_MATCHER_REGEX_LENGTH} characters`;
  }
  try {
    matcherRegExp(value);
    return undefined;
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return `the regular expression does not compile${reason ? `: ${reason}` : ''}`;
  }
}

/** Whether one matcher matches a label set; a missing label is the empty string. */
export function matcherMatches(matcher: SilenceMatcher, labels: Record<string, string>): boolean {
  const actual = Object.prototype.hasOwnProperty.call(labels, matcher.label)
    ? labels[matcher.label]
    : '';
  switch (matcher.operator) {
    case '=':
      return actual === matcher.value;
    case '!=':
      return actual !== matcher.value;
    case '=~':
    case '!~': {
      const regExp = cachedRegExp(matcher.value);
      if (!regExp) return false;
      return regExp.test(actual) === (matcher.operator === '=~');
    }
  }
}

/**
 * Whether a silence applies to an instance of rule `ruleId` with `labels` (whatever its time):
 * its rule, when it names one, is that rule, and every matcher matches.
 */
export function silenceMatches(
  silence: Pick<Silence, 'ruleId' | 'matchers'>,
  ruleId: string,
  labels: Record<string, string>,
): boolean {
  if (silence.ruleId !== null && silence.ruleId !== ruleId) return false;
  return silence.matchers.every((matcher) => matcherMatches(matcher, labels));
}
