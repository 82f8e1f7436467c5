import { isLuhnValid } from './luhn';
import { redactionMarker } from './markers';

const CARD = redactionMarker('card');
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

/**
 * A UUID (left as it is), or a run of digits separated by single spaces or dashes that does not
 * start right after a letter or digit.
 */
const UUID_OR_DIGIT_RUN =
  /\b([\da-fA-F]{8}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{4}-[\da-fA-F]{12})\b|(?<![A-Za-z\d])\d(?:[ -]?\d)*/g;

/**
 * Cheap test before looking for cards: thirteen digits in a row, single spaces or dashes allowed
 * between them, not right after a letter (so UUIDs and hex IDs are let through at once).
 */
const MAY_HOLD_CARD = /(?<![A-Za-z\d])\d(?:[ -]?\d){12}/;

const LETTER = /[A-Za-z]/;

/** A group of digits of a run: where it starts and ends in the run and in its digits alone. */
interface DigitGroup {
  start: number;
  end: number;
  digitsEnd: number;
}

function digitGroups(run: string): DigitGroup[] {
  const groups: DigitGroup[] = [];
  let digitCount = 0;
  for (const match of run.matchAll(/\d+/g)) {
    digitCount += match[0].length;
    groups.push({ start: match.index, end: match.index + match[0].length, digitsEnd: digitCount });
  }
  return groups;
}

/** The group at `index`, which the callers keep within the run's groups. */
function groupAt(groups: readonly DigitGroup[], index: number): DigitGroup {
  const group = groups[index];
  if (group === undefined)
    throw new RangeError(`No digit group ${index} in a run of ${groups.length}`);
  return group;
}

/**
 * The end (exclusive) of the longest Luhn-valid card number made of whole groups starting at
 * `first`, or -1. Cards are written in groups, so a card shares its boundaries with groups.
 */
function cardEnd(groups: readonly DigitGroup[], digits: string, first: number, last: number) {
  const digitsStart = first === 0 ? 0 : groupAt(groups, first - 1).digitsEnd;
  let end = first;
  while (end < last && groupAt(groups, end).digitsEnd - digitsStart <= MAX_DIGITS) end++;
  for (; end > first; end--) {
    const candidate = digits.slice(digitsStart, groupAt(groups, end - 1).digitsEnd);
    if (candidate.length >= MIN_DIGITS && isLuhnValid(candidate)) return end;
  }
  return -1;
}

/**
 * Replaces the card numbers within one run of digit groups, scanning left to right and taking
 * the longest card at each group. A group glued to a following letter is no part of a card.
 */
function redactRun(run: string, gluedToLetter: boolean): string {
  const groups = digitGroups(run);
  const digits = run.replace(/\D/g, '');
  const last = gluedToLetter ? groups.length - 1 : groups.length;
  let redacted = '';
  let copied = 0;
  let first = 0;
  while (first < last) {
    const end = cardEnd(groups, digits, first, last);
    if (end < 0) {
      first++;
    } else {
      redacted += run.slice(copied, groupAt(groups, first).start) + CARD;
      copied = groupAt(groups, end - 1).end;
      first = end;
    }
  }
  return copied === 0 ? run : redacted + run.slice(copied);
}

/**
 * Replaces Luhn-valid card numbers (13–19 digits, single spaces or dashes allowed between them)
 * by `[REDACTED:card]`. Numbers glued to letters, and UUIDs, are left alone.
 */
export function redactCardNumbers(text: string): string {
  if (!MAY_HOLD_CARD.test(text)) return text;
  return text.replace(
    UUID_OR_DIGIT_RUN,
    (match: string, uuid: string | undefined, offset: number) =>
      uuid === undefined && MAY_HOLD_CARD.test(match)
        ? redactRun(match, LETTER.test(text.charAt(offset + match.length)))
        : match,
  );
}
