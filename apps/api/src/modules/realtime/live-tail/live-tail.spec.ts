import type { AppLogRecord } from '../../logging/persistence/app-log-record';
import type { RealtimeSocket } from '../realtime-socket';
import { LiveTail } from './live-tail';
import { TailRelay } from './tail-relay';

/** A batch that counts how often its lines are looked at. */
function watchedBatch() {
  const reads = { count: 0 };
  const batch = new Proxy([] as AppLogRecord[], {
    get(target, property, receiver) {
      reads.count += 1;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { batch, reads };
}

function relay() {
  return {
    forward: jest.fn<void, [AppLogRecord[]]>(),
    setWanted: jest.fn(async () => undefined),
    attach: jest.fn(),
  };
}

const socket = (id: string) => ({ id, emit: jest.fn() }) as unknown as RealtimeSocket;

describe('LiveTail', () => {
  it('reads nothing of a stored batch when nobody here subscribes, and hands it to the relay', () => {
    const fake = relay();
    const tail = new LiveTail(fake as unknown as TailRelay);
    const { batch, reads } = watchedBatch();
    tail.onLogsStored(batch);
    expect(reads.count).toBe(0);
    expect(fake.forward.mock.calls[0][0]).toBe(batch);
  });

  it('tells the relay when the first subscriber comes and the last one goes', async () => {
    const fake = relay();
    const tail = new LiveTail(fake as unknown as TailRelay);
    const [a, b] = [socket('a'), socket('b')];
    await tail.subscribe(a, {});
    await tail.subscribe(b, {});
    await tail.subscribe(a, { module: 'x' });
    expect(fake.setWanted.mock.calls).toEqual([[true]]);
    tail.unsubscribe(a);
    tail.unsubscribe(a);
    expect(fake.setWanted.mock.calls).toEqual([[true]]);
    tail.unsubscribe(b);
    expect(fake.setWanted.mock.calls).toEqual([[true], [false]]);
  });
});
