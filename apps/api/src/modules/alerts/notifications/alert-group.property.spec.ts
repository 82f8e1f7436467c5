import fc from 'fast-check';
import { GroupNotification, GroupState, GroupTiming, IDLE_GROUP, stepGroup } from './alert-group';

/**
 * Property 6, alert throttling: over random evaluation results, clock steps and silences, the
 * group sends exactly what a model of the specification says, and the throttling promises hold
 * on their own.
 */

const RUNS = { numRuns: 1000 };
const KEYS = ['a', 'b', 'c'];
const BASE = Date.UTC(2026, 10, 21, 10, 0, 0);

/** Seconds in a range, often round so that steps land exactly on flushes and repeats. */
const seconds = (min: number, max: number, round: number[]) =>
  fc.oneof(fc.integer({ min, max }), fc.constantFrom(...round));

const timings: fc.Arbitrary<GroupTiming> = fc.record({
  groupWaitSeconds: seconds(0, 120, [0, 30, 60]),
  groupIntervalSeconds: seconds(10, 600, [60, 300]),
  repeatIntervalSeconds: seconds(60, 14_400, [600, 3600]),
  sendResolved: fc.boolean(),
});

/** How a set of keys changes at a step: kept (alerts and silences last a while), one key
 * toggled (one instance resolves or one silence ends while others go on), or replaced. */
type Change = { kind: 'keep' } | { kind: 'toggle'; key: string } | { kind: 'set'; keys: string[] };
const changes = (keepWeight: number): fc.Arbitrary<Change> =>
  fc.oneof(
    { weight: keepWeight, arbitrary: fc.constant({ kind: 'keep' as const }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...KEYS).map((key) => ({ kind: 'toggle' as const, key })),
    },
    { weight: 1, arbitrary: fc.subarray(KEYS).map((keys) => ({ kind: 'set' as const, keys })) },
  );

function changed(keys: Set<string>, change: Change): Set<string> {
  if (change.kind === 'keep') return keys;
  if (change.kind === 'set') return new Set(change.keys);
  const next = new Set(keys);
  if (!next.delete(change.key)) next.add(change.key);
  return next;
}

const steps = fc.array(
  fc.record({
    advanceSeconds: fc.oneof(
      { weight: 2, arbitrary: seconds(1, 60, [30, 60]) },
      { weight: 2, arbitrary: seconds(1, 600, [60, 300, 600]) },
      { weight: 1, arbitrary: seconds(1, 7200, [3600]) },
    ),
    alerting: changes(2),
    silenced: changes(3),
  }),
  { minLength: 1, maxLength: 100 },
);

interface Step {
  /** Seconds since the run began. */
  now: number;
  alerting: Set<string>;
  silenced: Set<string>;
  /** The implementation's answer. */
  notification: GroupNotification | null;
  recordedSilenced: string[];
  state: GroupState;
  /** When the group this step belongs to started, by the inputs; null while idle. */
  groupStart: number | null;
}

type Generated = typeof steps extends fc.Arbitrary<infer T> ? T : never;

/** Runs the implementation over the generated steps. */
function run(timing: GroupTiming, generated: Generated): Step[] {
  const trace: Step[] = [];
  let state = IDLE_GROUP;
  let now = 0;
  let alerting = new Set<string>();
  let silenced = new Set<string>();
  for (const step of generated) {
    now += step.advanceSeconds;
    alerting = changed(alerting, step.alerting);
    silenced = changed(silenced, step.silenced);
    // A group starts when something alerts while none runs; it ends when it says it is idle.
    const groupStart =
      state.startedAt === null
        ? alerting.size > 0
          ? now
          : null
        : (state.startedAt.getTime() - BASE) / 1000;
    const result = stepGroup(
      timing,
      state,
      alerting,
      (key) => silenced.has(key),
      new Date(BASE + now * 1000),
    );
    state = result.state;
    trace.push({
      now,
      alerting,
      silenced,
      notification: result.notification,
      recordedSilenced: result.silenced,
      state,
      groupStart,
    });
  }
  return trace;
}

/**
 * The specification as a model, written from the doc comment alone: what receivers were told
 * is firing (`told`), flushes at group wait then every group interval, news / resolutions /
 * repeat trigger a send, silenced keys appear nowhere, and the group ends once nothing alerts
 * and no resolution is left to tell.
 */
function model(timing: GroupTiming, trace: Step[]) {
  type Group = { nextFlush: number; lastSent: number | null; told: string[]; muted: string[] };
  let group: Group | null = null;
  return trace.map(({ now, alerting, silenced }) => {
    const quiet = { notification: null as GroupNotification | null, silenced: [] as string[] };
    if (!group && alerting.size === 0) return quiet;
    group ??= { nextFlush: now + timing.groupWaitSeconds, lastSent: null, told: [], muted: [] };
    const current = group;
    if (now < current.nextFlush) return quiet;

    const shown = KEYS.filter((key) => alerting.has(key) && !silenced.has(key));
    const gone = current.told.filter((key) => !alerting.has(key) && !silenced.has(key));
    const muted = KEYS.filter((key) => alerting.has(key) && silenced.has(key));
    const tellGone = timing.sendResolved && gone.length > 0;
    const repeatDue =
      current.lastSent === null || now - current.lastSent >= timing.repeatIntervalSeconds;
    let notification: GroupNotification | null = null;
    if (
      shown.length > 0 &&
      (shown.some((key) => !current.told.includes(key)) || tellGone || repeatDue)
    )
      notification = { kind: 'firing', firing: shown, resolved: timing.sendResolved ? gone : [] };
    else if (shown.length === 0 && tellGone)
      notification = { kind: 'resolved', firing: [], resolved: gone };

    const newlyMuted = muted.filter((key) => !current.muted.includes(key));
    group = {
      nextFlush: now + timing.groupIntervalSeconds,
      lastSent: notification ? now : current.lastSent,
      told: notification ? shown : current.told.filter((key) => !gone.includes(key)),
      muted,
    };
    if (alerting.size === 0 && (!timing.sendResolved || group.told.length === 0)) group = null;
    return { notification, silenced: newlyMuted };
  });
}

type Sent = Step & { notification: GroupNotification; groupStart: number };
const sent = (trace: Step[]) =>
  trace.filter((step): step is Sent => step.notification !== null && step.groupStart !== null);

describe('alert group throttling (property 6)', () => {
  it('sends exactly what the model says, at every step', () => {
    fc.assert(
      fc.property(timings, steps, (timing, generated) => {
        const trace = run(timing, generated);
        const expected = model(timing, trace);
        trace.forEach((step, index) => {
          expect({
            at: step.now,
            notification: step.notification,
            silenced: step.recordedSilenced,
          }).toEqual({
            at: step.now,
            ...expected[index],
          });
        });
      }),
      RUNS,
    );
  });

  it('keeps a group idle exactly when nothing is running, and its start where something first alerted', () => {
    fc.assert(
      fc.property(timings, steps, (timing, generated) => {
        for (const step of run(timing, generated)) {
          if (step.groupStart === null) expect(step.notification).toBeNull();
          if (step.state.startedAt === null) expect(step.state).toEqual(IDLE_GROUP);
          else expect((step.state.startedAt.getTime() - BASE) / 1000).toBe(step.groupStart);
        }
      }),
      RUNS,
    );
  });

  it('bound: a group first notifies no sooner than group wait, then at least group interval apart', () => {
    fc.assert(
      fc.property(timings, steps, (timing, generated) => {
        let previous: Step | null = null;
        for (const step of sent(run(timing, generated))) {
          if (previous?.groupStart === step.groupStart) {
            expect(step.now - previous.now).toBeGreaterThanOrEqual(timing.groupIntervalSeconds);
          } else {
            expect(step.now - step.groupStart).toBeGreaterThanOrEqual(timing.groupWaitSeconds);
          }
          previous = step;
        }
      }),
      RUNS,
    );
  });

  it('never misses: an instance alerting unsilenced since its group started is notified once group wait passed', () => {
    fc.assert(
      fc.property(timings, steps, (timing, generated) => {
        const trace = run(timing, generated);
        trace.forEach((step, index) => {
          if (step.groupStart === null || step.now < step.groupStart + timing.groupWaitSeconds)
            return;
          const group = trace.slice(0, index + 1).filter((s) => s.groupStart === step.groupStart);
          for (const key of KEYS) {
            const heldThroughout = group.every((s) => s.alerting.has(key) && !s.silenced.has(key));
            if (!heldThroughout) continue;
            const told = group.some(
              (s) => s.notification?.kind === 'firing' && s.notification.firing.includes(key),
            );
            expect({ at: step.now, key, told }).toEqual({ at: step.now, key, told: true });
          }
        });
      }),
      RUNS,
    );
  });

  it('never notifies of a silenced instance, firing or resolved', () => {
    fc.assert(
      fc.property(timings, steps, (timing, generated) => {
        for (const step of sent(run(timing, generated))) {
          const listed = [...step.notification.firing, ...step.notification.resolved];
          expect(listed.filter((key) => step.silenced.has(key))).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('sends at most one resolved notification per firing episode, only of instances told as firing', () => {
    fc.assert(
      fc.property(timings, steps, (timing, generated) => {
        let groupStart: number | null = null;
        let episodeOpen = false;
        /** Keys receivers were told fire and not yet told resolved, in this group. */
        let believed = new Set<string>();
        for (const step of sent(run(timing, generated))) {
          const { notification } = step;
          if (step.groupStart !== groupStart) {
            groupStart = step.groupStart;
            episodeOpen = false;
            believed = new Set();
          }
          for (const key of notification.resolved) expect(believed).toContain(key);
          if (notification.kind === 'firing') {
            episodeOpen = true;
            notification.resolved.forEach((key) => believed.delete(key));
            notification.firing.forEach((key) => believed.add(key));
          } else {
            expect({ at: step.now, resolvedInOpenEpisode: episodeOpen }).toEqual({
              at: step.now,
              resolvedInOpenEpisode: true,
            });
            expect(notification.firing).toEqual([]);
            expect(notification.resolved.length).toBeGreaterThan(0);
            episodeOpen = false;
            notification.resolved.forEach((key) => believed.delete(key));
          }
        }
      }),
      RUNS,
    );
  });
});
