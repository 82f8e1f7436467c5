import type { ConditionOperator } from '@ledgerlens/contracts';

/** Operators that fire on low values: their worst instance is the one with the least. */
const FIRES_LOW: ReadonlySet<ConditionOperator> = new Set(['<', '<=']);

/**
 * The one value that stands for a rule's instances, the worst of them: the least for `<` and
 * `<=`, the greatest otherwise (`==` and `!=` have no direction; the greatest reads best on a
 * chart of counts). Instances without data do not count; none with data gives null.
 */
export function worstValue(
  operator: ConditionOperator,
  values: Iterable<number | null | undefined>,
): number | null {
  const pick = FIRES_LOW.has(operator) ? Math.min : Math.max;
  let worst: number | null = null;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    worst = worst === null ? value : pick(worst, value);
  }
  return worst;
}
