import { GroupStep, GroupTiming, IDLE_GROUP, stepGroup } from './alert-group';

const BASE = Date.UTC(2026, 10, 21, 10, 0, 0);
const at = (seconds: number) => new Date(BASE + seconds * 1000);

const TIMING: GroupTiming = {
  groupWaitSeconds: 30,
  groupIntervalSeconds: 300,
  repeatIntervalSeconds: 3600,
  sendResolved: true,
};

/** A rule's group stepped forward as the evaluator would, keeping its state between steps. */
function groupOf(timing: GroupTiming) {
  let state = IDLE_GROUP;
  return {
    step(seconds: number, alerting: string[], silenced: string[] = []): GroupStep {
      const result = stepGroup(
        timing,
        state,
        new Set(alerting),
        (key) => silenced.includes(key),
        at(seconds),
      );
      state = result.state;
      return result;
    },
    get state() {
      return state;
    },
  };
}

describe('alert group', () => {
  it('stays idle while nothing is alerting', () => {
    const group = groupOf(TIMING);
    expect(group.step(0, [])).toEqual({ state: IDLE_GROUP, notification: null, silenced: [] });
  });

  it('sends the first notification at the first step at or after group wait', () => {
    const group = groupOf(TIMING);
    expect(group.step(0, ['b']).notification).toBeNull();
    expect(group.step(20, ['b', 'a']).notification).toBeNull();
    expect(group.step(29, ['a', 'b']).notification).toBeNull();
    expect(group.step(45, ['b', 'a']).notification).toEqual({
      kind: 'firing',
      firing: ['a', 'b'],
      resolved: [],
    });
    expect(group.state).toMatchObject({
      startedAt: at(0),
      lastSentAt: at(45),
      notified: ['a', 'b'],
    });
  });

  it('sends at once, at the step the group starts, without group wait', () => {
    const group = groupOf({ ...TIMING, groupWaitSeconds: 0 });
    expect(group.step(0, ['a']).notification).toEqual({
      kind: 'firing',
      firing: ['a'],
      resolved: [],
    });
  });

  it('sends exactly at group wait', () => {
    const group = groupOf(TIMING);
    group.step(0, ['a']);
    expect(group.step(30, ['a']).notification?.firing).toEqual(['a']);
  });

  it('sends nothing between flushes, and a new instance waits for the next group interval', () => {
    const group = groupOf(TIMING);
    group.step(0, ['a']);
    expect(group.step(30, ['a']).notification).not.toBeNull();
    // Next flush at 30 + 300.
    expect(group.step(60, ['a', 'b']).notification).toBeNull();
    expect(group.step(200, ['a', 'b', 'c']).notification).toBeNull();
    expect(group.step(329, ['a', 'b', 'c']).notification).toBeNull();
    expect(group.step(330, ['a', 'b', 'c']).notification).toEqual({
      kind: 'firing',
      firing: ['a', 'b', 'c'],
      resolved: [],
    });
  });

  it('stays quiet at a flush when nothing changed, and repeats after the repeat interval, not before', () => {
    const group = groupOf(TIMING);
    group.step(0, ['a']);
    group.step(30, ['a']); // sent
    for (let seconds = 330; seconds < 3630; seconds += 300) {
      expect(group.step(seconds, ['a']).notification).toBeNull();
    }
    // 30 + 3600: the flush at 3630 is the first at or after the repeat is due.
    expect(group.step(3630, ['a']).notification).toEqual({
      kind: 'firing',
      firing: ['a'],
      resolved: [],
    });
    expect(group.step(3930, ['a']).notification).toBeNull();
  });

  it('repeats at the first flush after the repeat interval when flushes do not line up with it', () => {
    const group = groupOf({ ...TIMING, repeatIntervalSeconds: 400 });
    group.step(0, ['a']);
    group.step(30, ['a']); // sent
    expect(group.step(330, ['a']).notification).toBeNull();
    expect(group.step(630, ['a']).notification?.firing).toEqual(['a']);
  });

  it('tells of an instance that resolved while others still fire (with send-resolved)', () => {
    const group = groupOf(TIMING);
    group.step(0, ['a', 'b']);
    group.step(30, ['a', 'b']);
    expect(group.step(330, ['b']).notification).toEqual({
      kind: 'firing',
      firing: ['b'],
      resolved: ['a'],
    });
  });

  it('sends one resolved notification when all resolve (with send-resolved), and the group ends', () => {
    const group = groupOf(TIMING);
    group.step(0, ['a', 'b']);
    group.step(30, ['a', 'b']);
    expect(group.step(100, []).notification).toBeNull();
    expect(group.step(330, []).notification).toEqual({
      kind: 'resolved',
      firing: [],
      resolved: ['a', 'b'],
    });
    expect(group.state).toEqual(IDLE_GROUP);
    expect(group.step(630, []).notification).toBeNull();
    expect(group.step(4000, []).notification).toBeNull();
  });

  it('sends nothing when all resolve without send-resolved, and the group ends', () => {
    const group = groupOf({ ...TIMING, sendResolved: false });
    group.step(0, ['a', 'b']);
    group.step(30, ['a', 'b']);
    expect(group.step(330, ['b']).notification).toBeNull();
    expect(group.step(630, []).notification).toBeNull();
    expect(group.state).toEqual(IDLE_GROUP);
  });

  it('starts a new group, with group wait again, when an instance alerts after the group ended', () => {
    const group = groupOf(TIMING);
    group.step(0, ['a']);
    group.step(30, ['a']);
    group.step(330, []); // resolved, group ends
    expect(group.step(340, ['a']).notification).toBeNull();
    expect(group.state.startedAt).toEqual(at(340));
    expect(group.step(370, ['a']).notification).toEqual({
      kind: 'firing',
      firing: ['a'],
      resolved: [],
    });
  });

  it('leaves an instance that never was notified out of resolved', () => {
    const group = groupOf(TIMING);
    group.step(0, ['a']);
    group.step(30, ['a']);
    group.step(100, ['a', 'b']);
    expect(group.step(330, ['a']).notification).toBeNull();
  });

  describe('silences', () => {
    it('mute a silenced instance and record it as silenced once', () => {
      const group = groupOf(TIMING);
      group.step(0, ['a', 'b'], ['b']);
      const first = group.step(30, ['a', 'b'], ['b']);
      expect(first.notification).toEqual({ kind: 'firing', firing: ['a'], resolved: [] });
      expect(first.silenced).toEqual(['b']);
      const later = group.step(330, ['a', 'b'], ['b']);
      expect(later.notification).toBeNull();
      expect(later.silenced).toEqual([]);
    });

    it('send nothing while every instance is silenced', () => {
      const group = groupOf(TIMING);
      group.step(0, ['a'], ['a']);
      expect(group.step(30, ['a'], ['a'])).toMatchObject({ notification: null, silenced: ['a'] });
      expect(group.step(3700, ['a'], ['a'])).toMatchObject({ notification: null, silenced: [] });
      expect(group.step(7400, ['a'], ['a']).notification).toBeNull();
    });

    it('notify a still-firing instance after its silence expires', () => {
      const group = groupOf(TIMING);
      group.step(0, ['a'], ['a']);
      group.step(30, ['a'], ['a']);
      expect(group.step(330, ['a']).notification).toEqual({
        kind: 'firing',
        firing: ['a'],
        resolved: [],
      });
    });

    it('tell nothing new when a silence ends on an instance receivers were told of and not told otherwise since', () => {
      const group = groupOf({ ...TIMING, sendResolved: false });
      group.step(0, ['a', 'b']);
      group.step(30, ['a', 'b']); // sent a, b
      expect(group.step(330, ['a', 'b'], ['b'])).toMatchObject({
        notification: null,
        silenced: ['b'],
      });
      // The last notification said b fires, and receivers still believe it (as Alertmanager's log).
      expect(group.step(630, ['a', 'b']).notification).toBeNull();
    });

    it('make an instance news again when a notification during its silence left it out', () => {
      const group = groupOf(TIMING);
      group.step(0, ['a', 'b']);
      group.step(30, ['a', 'b']); // sent a, b
      expect(group.step(330, ['a', 'b', 'c'], ['b']).notification).toEqual({
        kind: 'firing',
        firing: ['a', 'c'],
        resolved: [],
      });
      expect(group.step(630, ['a', 'b', 'c']).notification).toEqual({
        kind: 'firing',
        firing: ['a', 'b', 'c'],
        resolved: [],
      });
    });

    it('leave a silenced instance out of a resolved notification, and make it news when the silence ends', () => {
      const group = groupOf(TIMING);
      group.step(0, ['a', 'b']);
      group.step(30, ['a', 'b']); // sent a, b
      expect(group.step(330, ['b'], ['b']).notification).toEqual({
        kind: 'resolved',
        firing: [],
        resolved: ['a'],
      });
      expect(group.state.startedAt).toEqual(at(0));
      expect(group.step(630, ['b']).notification).toEqual({
        kind: 'firing',
        firing: ['b'],
        resolved: [],
      });
    });

    it('keep a resolution quiet while the instance is silenced, and tell it once the silence ends', () => {
      const group = groupOf(TIMING);
      group.step(0, ['a']);
      group.step(30, ['a']); // sent a
      expect(group.step(330, [], ['a']).notification).toBeNull();
      expect(group.state.startedAt).toEqual(at(0));
      expect(group.step(630, []).notification).toEqual({
        kind: 'resolved',
        firing: [],
        resolved: ['a'],
      });
      expect(group.state).toEqual(IDLE_GROUP);
    });
  });
});
