import type { NotificationPolicy } from '../rules/alert-rule';

export type GroupTiming = Omit<NotificationPolicy, 'contactPointIds'>;

/**
 * A rule's alert group between steps (a row of `alert_groups`), as Alertmanager keeps an
 * aggregation group and its notification log entry.
 */
export interface GroupState {
  /** When the group last went from no alerting instance to some: group wait counts from here. */
  startedAt: Date | null;
  /** When the group is next looked at (group wait, then every group interval). */
  nextFlushAt: Date | null;
  /** When a notification last went out. */
  lastSentAt: Date | null;
  /** Instances the last notification said were firing: what receivers believe. */
  notified: string[];
  /** Instances recorded as silenced and still alerting, so each is recorded once. */
  muted: string[];
}

export const IDLE_GROUP: GroupState = {
  startedAt: null,
  nextFlushAt: null,
  lastSentAt: null,
  notified: [],
  muted: [],
};

export interface GroupNotification {
  kind: 'firing' | 'resolved';
  /** Instance keys firing, sorted. */
  firing: string[];
  /** Instance keys resolved since the last notification (with send-resolved), sorted. */
  resolved: string[];
}

export interface GroupStep {
  state: GroupState;
  /** What to send now, if anything. */
  notification: GroupNotification | null;
  /** Alerting instances a silence kept from being notified, newly: record them as silenced. */
  silenced: string[];
}

const plus = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);
const sorted = (keys: Iterable<string>) => [...keys].sort();

/**
 * One step of a rule's alert group at `now`, given its alerting (firing or recovering)
 * instances and which instances silences match, as Alertmanager's dispatcher and notification
 * log decide:
 * - a group that starts waits `groupWaitSeconds`, then is flushed every `groupIntervalSeconds`;
 *   nothing is sent between flushes, so changes batch up;
 * - a flush sends when an unsilenced instance is firing that receivers were not told of, when
 *   some resolved (with send-resolved), or when `repeatIntervalSeconds` passed since the last
 *   notification; otherwise it stays quiet;
 * - when every instance receivers were told of resolved, one resolved notification goes out
 *   (with send-resolved) and the group ends;
 * - silenced instances are left out of notifications, firing and resolved alike, and recorded
 *   once per silencing; when a silence ends, a still-firing instance is news again.
 */
export function stepGroup(
  timing: GroupTiming,
  previous: GroupState,
  alerting: ReadonlySet<string>,
  isSilenced: (key: string) => boolean,
  now: Date,
): GroupStep {
  let state = previous;
  if (state.startedAt === null) {
    if (alerting.size === 0) return { state: IDLE_GROUP, notification: null, silenced: [] };
    state = { ...IDLE_GROUP, startedAt: now, nextFlushAt: plus(now, timing.groupWaitSeconds) };
  }
  if (state.nextFlushAt !== null && now < state.nextFlushAt) {
    return { state, notification: null, silenced: [] };
  }

  const firing = sorted([...alerting].filter((key) => !isSilenced(key)));
  const muted = sorted([...alerting].filter(isSilenced));
  const told = new Set(state.notified);
  const resolved = sorted(state.notified.filter((key) => !alerting.has(key) && !isSilenced(key)));
  const silenced = muted.filter((key) => !state.muted.includes(key));

  const news = firing.some((key) => !told.has(key));
  const repeatDue =
    state.lastSentAt === null || now >= plus(state.lastSentAt, timing.repeatIntervalSeconds);
  const tellResolved = timing.sendResolved && resolved.length > 0;
  let notification: GroupNotification | null = null;
  if (firing.length > 0 && (news || tellResolved || repeatDue)) {
    notification = { kind: 'firing', firing, resolved: timing.sendResolved ? resolved : [] };
  } else if (firing.length === 0 && tellResolved) {
    notification = { kind: 'resolved', firing: [], resolved };
  }

  const notified = notification
    ? firing
    : // Told-of instances that resolved without a notification are forgotten (no send-resolved).
      state.notified.filter((key) => alerting.has(key) || isSilenced(key));
  const next: GroupState = {
    startedAt: state.startedAt,
    nextFlushAt: plus(now, timing.groupIntervalSeconds),
    lastSentAt: notification ? now : state.lastSentAt,
    notified,
    muted,
  };
  // Nothing alerting and nothing left to tell: the group ends; the next alert starts a new one.
  const ended =
    alerting.size === 0 && (notification !== null || !hasPendingResolution(next, timing));
  return { state: ended ? IDLE_GROUP : next, notification, silenced };
}

/** Told-of instances whose resolution waits for a silence to end (with send-resolved). */
function hasPendingResolution(state: GroupState, timing: GroupTiming): boolean {
  return timing.sendResolved && state.notified.length > 0;
}
