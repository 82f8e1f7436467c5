import fc from 'fast-check';
import { ALERT_STATES, CONDITION_OPERATORS, NO_DATA_STATES } from '@ledgerlens/contracts';
import type { AlertState, ConditionOperator } from '@ledgerlens/contracts';
import type { AlertCondition } from '../rules/alert-rule';
import {
  conditionHolds,
  InstanceStatus,
  isAlerting,
  nextInstanceStatus,
  NORMAL,
  Observation,
  worstState,
} from './instance-state';

const BASE = Date.UTC(2026, 10, 21, 10, 0, 0);
const at = (seconds: number) => new Date(BASE + seconds * 1000);

const value = (v: number): Observation => ({ kind: 'value', value: v });
const NO_DATA: Observation = { kind: 'nodata' };
const failure = (message: string): Observation => ({ kind: 'error', message });

function condition(overrides: Partial<AlertCondition> = {}): AlertCondition {
  return {
    operator: '>',
    threshold: 10,
    pendingSeconds: 0,
    keepFiringSeconds: 0,
    noDataState: 'normal',
    ...overrides,
  };
}

/** Evaluates `observations` at the given seconds, from normal, and returns every status. */
function evaluate(rule: AlertCondition, observations: [number, Observation][]): InstanceStatus[] {
  const statuses: InstanceStatus[] = [];
  let status = NORMAL;
  for (const [seconds, observation] of observations) {
    status = nextInstanceStatus(rule, status, observation, at(seconds));
    statuses.push(status);
  }
  return statuses;
}

const statesOf = (statuses: InstanceStatus[]) => statuses.map((status) => status.state);

describe('alert instance state', () => {
  describe('with a pending period', () => {
    const rule = condition({ pendingSeconds: 120 });

    it('goes normal → pending → firing once the condition has held for the period', () => {
      const statuses = evaluate(rule, [
        [0, value(5)],
        [60, value(11)],
        [120, value(12)],
        [180, value(13)],
      ]);
      expect(statesOf(statuses)).toEqual(['normal', 'pending', 'pending', 'firing']);
      expect(statuses[1]).toEqual({
        ...NORMAL,
        state: 'pending',
        value: 11,
        activeSince: at(60),
        lastActiveAt: at(60),
      });
      expect(statuses[3]).toEqual({
        state: 'firing',
        value: 13,
        activeSince: at(60),
        firingSince: at(180),
        lastActiveAt: at(180),
        error: null,
      });
    });

    it('goes back to normal from pending when the condition stops holding, and starts over', () => {
      const statuses = evaluate(rule, [
        [0, value(11)],
        [60, value(3)],
        [120, value(11)],
        [180, value(11)],
        [240, value(11)],
      ]);
      expect(statesOf(statuses)).toEqual(['pending', 'normal', 'pending', 'pending', 'firing']);
      expect(statuses[4].activeSince).toEqual(at(120));
    });
  });

  it('fires at once without a pending period', () => {
    const [status] = evaluate(condition(), [[0, value(11)]]);
    expect(status).toEqual({
      state: 'firing',
      value: 11,
      activeSince: at(0),
      firingSince: at(0),
      lastActiveAt: at(0),
      error: null,
    });
  });

  describe('with a keep-firing period', () => {
    const rule = condition({ keepFiringSeconds: 300 });

    it('is recovering while the period runs and firing again if the condition holds again', () => {
      const statuses = evaluate(rule, [
        [0, value(11)],
        [60, value(2)],
        [120, value(3)],
        [180, value(20)],
      ]);
      expect(statesOf(statuses)).toEqual(['firing', 'recovering', 'recovering', 'firing']);
      expect(statuses[1]).toMatchObject({ value: 2, firingSince: at(0), lastActiveAt: at(0) });
      // The same episode: it neither started firing anew nor restarted its activity.
      expect(statuses[3]).toMatchObject({
        value: 20,
        activeSince: at(0),
        firingSince: at(0),
        lastActiveAt: at(180),
      });
    });

    it('becomes normal once the condition has not held for the whole period', () => {
      const statuses = evaluate(rule, [
        [0, value(11)],
        [60, value(2)],
        [299, value(2)],
        [300, value(2)],
      ]);
      expect(statesOf(statuses)).toEqual(['firing', 'recovering', 'recovering', 'normal']);
      expect(statuses[3]).toEqual({ ...NORMAL, value: 2 });
    });

    it('counts the period from the last evaluation at which the condition held', () => {
      const statuses = evaluate(rule, [
        [0, value(11)],
        [200, value(11)],
        [400, value(2)],
        [499, value(2)],
        [500, value(2)],
      ]);
      expect(statesOf(statuses)).toEqual([
        'firing',
        'firing',
        'recovering',
        'recovering',
        'normal',
      ]);
    });
  });

  it('without a keep-firing period, a firing instance is normal as soon as the condition stops', () => {
    const statuses = evaluate(condition(), [
      [0, value(11)],
      [60, value(10)],
    ]);
    expect(statesOf(statuses)).toEqual(['firing', 'normal']);
  });

  describe('no data', () => {
    it('is normal when the rule says normal, also ending a firing instance', () => {
      const statuses = evaluate(condition({ noDataState: 'normal' }), [
        [0, NO_DATA],
        [60, value(11)],
        [120, NO_DATA],
      ]);
      expect(statesOf(statuses)).toEqual(['normal', 'firing', 'normal']);
      expect(statuses[2].value).toBeNull();
    });

    it('holds the condition when the rule says alerting, with its pending period', () => {
      const statuses = evaluate(condition({ noDataState: 'alerting', pendingSeconds: 60 }), [
        [0, NO_DATA],
        [60, NO_DATA],
      ]);
      expect(statesOf(statuses)).toEqual(['pending', 'firing']);
      expect(statuses[1]).toMatchObject({ value: null, activeSince: at(0), firingSince: at(60) });
    });

    it('is nodata when the rule says nodata, and normal again when data comes back', () => {
      const statuses = evaluate(condition({ noDataState: 'nodata' }), [
        [0, NO_DATA],
        [60, value(1)],
      ]);
      expect(statuses[0]).toEqual({ ...NORMAL, state: 'nodata' });
      expect(statuses[1].state).toBe('normal');
    });
  });

  describe('a failed query', () => {
    it('makes a normal instance error, with the message', () => {
      const [status] = evaluate(condition(), [[0, failure('timeout')]]);
      expect(status).toEqual({ ...NORMAL, state: 'error', error: 'timeout' });
    });

    it('makes a pending instance error and starts its pending period over afterwards', () => {
      const statuses = evaluate(condition({ pendingSeconds: 60 }), [
        [0, value(11)],
        [30, failure('timeout')],
        [60, value(11)],
      ]);
      expect(statesOf(statuses)).toEqual(['pending', 'error', 'pending']);
      expect(statuses[2].activeSince).toEqual(at(60));
    });

    it('keeps a firing instance firing and records the error, cleared by the next value', () => {
      const statuses = evaluate(condition(), [
        [0, value(11)],
        [60, failure('connection refused')],
        [120, value(12)],
      ]);
      expect(statuses[1]).toEqual({ ...statuses[0], error: 'connection refused' });
      expect(statuses[2]).toMatchObject({ state: 'firing', firingSince: at(0), error: null });
    });

    it('keeps a recovering instance recovering', () => {
      const statuses = evaluate(condition({ keepFiringSeconds: 300 }), [
        [0, value(11)],
        [60, value(1)],
        [120, failure('timeout')],
      ]);
      expect(statesOf(statuses)).toEqual(['firing', 'recovering', 'recovering']);
      expect(statuses[2].error).toBe('timeout');
    });
  });

  it.each<[ConditionOperator, boolean, boolean, boolean]>([
    // operator, 9 vs 10, 10 vs 10, 11 vs 10
    ['>', false, false, true],
    ['>=', false, true, true],
    ['<', true, false, false],
    ['<=', true, true, false],
    ['==', false, true, false],
    ['!=', true, false, true],
  ])('compares with %s', (operator, below, equal, above) => {
    expect([9, 10, 11].map((v) => conditionHolds(operator, v, 10))).toEqual([below, equal, above]);
    expect(nextInstanceStatus(condition({ operator }), NORMAL, value(10), at(0)).state).toBe(
      equal ? 'firing' : 'normal',
    );
  });

  it('compares fractions exactly (an error rate of 0.5 equals 0.5)', () => {
    expect(conditionHolds('==', 0.5, 0.5)).toBe(true);
    expect(conditionHolds('!=', 0.1 + 0.2, 0.3)).toBe(true);
  });

  it('counts firing and recovering instances as alerting, and no other', () => {
    expect(ALERT_STATES.filter(isAlerting)).toEqual(['recovering', 'firing']);
  });

  describe('worst state', () => {
    it('orders normal < pending < recovering < nodata < error < firing', () => {
      const ordered: AlertState[] = [
        'normal',
        'pending',
        'recovering',
        'nodata',
        'error',
        'firing',
      ];
      ordered.forEach((state, index) => {
        expect(worstState(ordered.slice(0, index + 1).reverse())).toBe(state);
        expect(worstState(ordered.slice(index))).toBe(ordered[ordered.length - 1]);
        expect(worstState([state, state])).toBe(state);
      });
      expect(worstState(['pending', 'error', 'recovering'])).toBe('error');
      expect(worstState(['nodata', 'recovering'])).toBe('nodata');
    });

    it('is normal without instances', () => {
      expect(worstState([])).toBe('normal');
      expect(worstState(new Set<AlertState>())).toBe('normal');
    });
  });

  describe('over random evaluations', () => {
    const rules = fc.record({
      operator: fc.constantFrom(...CONDITION_OPERATORS),
      threshold: fc.integer({ min: 0, max: 4 }),
      pendingSeconds: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 900 })),
      keepFiringSeconds: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 900 })),
      noDataState: fc.constantFrom(...NO_DATA_STATES),
    });
    const observations = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }).map(value) },
      { weight: 1, arbitrary: fc.constant(NO_DATA) },
      { weight: 1, arbitrary: fc.constant(failure('timeout')) },
    );
    const evaluations = fc.array(
      fc.record({ stepSeconds: fc.integer({ min: 1, max: 600 }), observation: observations }),
      { minLength: 1, maxLength: 60 },
    );

    /** Whether an observation means the condition holds (a failed query says nothing). */
    function holds(rule: AlertCondition, observation: Observation): boolean {
      if (observation.kind === 'value')
        return conditionHolds(rule.operator, observation.value, rule.threshold);
      return observation.kind === 'nodata' && rule.noDataState === 'alerting';
    }

    it('fires only after the condition held at every evaluation for the pending period', () => {
      fc.assert(
        fc.property(rules, evaluations, (rule, steps) => {
          let status = NORMAL;
          let now = 0;
          const history: { seconds: number; holds: boolean }[] = [];
          for (const { stepSeconds, observation } of steps) {
            now += stepSeconds;
            const previous = status;
            status = nextInstanceStatus(rule, previous, observation, at(now));
            history.push({ seconds: now, holds: holds(rule, observation) });

            if (rule.pendingSeconds > 0 && ['normal', 'nodata', 'error'].includes(previous.state))
              expect(status.state).not.toBe('firing');
            if (status.state !== 'firing') continue;

            // activeSince ≤ now − pending: the condition has held for the pending period.
            if (status.activeSince === null) throw new Error('firing without activeSince');
            const activeSince = status.activeSince.getTime();
            expect(activeSince).toBeLessThanOrEqual(at(now - rule.pendingSeconds).getTime());
            if (!isAlerting(previous.state)) {
              // Newly firing: every evaluation since the episode began held, from one that did.
              const episode = history.filter((h) => at(h.seconds).getTime() >= activeSince);
              expect(episode.every((h) => h.holds)).toBe(true);
              expect(at(episode[0].seconds).getTime()).toBe(activeSince);
              expect(status.firingSince).toEqual(at(now));
            }
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});
