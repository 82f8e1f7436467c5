import type { BrowserLogEntry } from '@ledgerlens/contracts';
import { settle } from '../test/manual-clock';
import { DROP_REPORT_MESSAGE, NO_DROPS } from './drop-counts';
import { PendingStore, type PendingRecord } from './pending-store';
import { createMemoryStorage, type StorageLike } from './platform';

const PREFIX = 'logs';

let nextId = 0;
function record(message: string, timestamp = '2030-01-01T00:00:00.000Z'): PendingRecord {
  const clientId = `00000000-0000-4000-8000-${(nextId++).toString(16).padStart(12, '0')}`;
  const entry: BrowserLogEntry = { clientId, timestamp, level: 'info', message };
  return { entry, readyAt: 0, repeatCount: 1 };
}

const messages = (records: readonly PendingRecord[]) => records.map((each) => each.entry.message);

function openStore(storage: StorageLike, instanceId = 'page', maxRecords = 100) {
  return new PendingStore(storage, { keyPrefix: PREFIX, instanceId, maxRecords });
}

/** Storage that counts writes and refuses values longer than `quota` characters. */
function limitedStorage(quota = Infinity) {
  const inner = createMemoryStorage();
  const writes: string[] = [];
  const storage: StorageLike = {
    get length() {
      return inner.length;
    },
    key: (index) => inner.key(index),
    getItem: (key) => inner.getItem(key),
    removeItem: (key) => inner.removeItem(key),
    setItem: (key, value) => {
      if (value.length > quota)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      writes.push(key);
      inner.setItem(key, value);
    },
  };
  return { storage, writes };
}

describe('PendingStore', () => {
  it('writes its records under its own key once per task, however many changed', async () => {
    const { storage, writes } = limitedStorage();
    const store = openStore(storage);
    for (const message of ['a', 'b', 'c']) store.append(record(message));
    expect(writes).toEqual([]);
    await settle();
    expect(writes).toEqual([`${PREFIX}:page`]);
    expect(messages(openStore(storage, 'next').records)).toEqual(['a', 'b', 'c']);
  });

  it('adopts the queues other pages left, once each and oldest first, and removes their keys', async () => {
    const storage = createMemoryStorage();
    const shared = record('seen by both', '2030-01-01T00:00:02.000Z');
    const first = openStore(storage, 'first');
    first.append(record('first page', '2030-01-01T00:00:03.000Z'));
    first.append(shared);
    first.addDropped({ ...NO_DROPS, overflow: 2 });
    first.close();
    const second = openStore(storage, 'second');
    second.append(record('second page', '2030-01-01T00:00:01.000Z'));
    second.append(shared);
    second.close();
    storage.setItem('unrelated', 'kept');

    const third = openStore(storage, 'third');
    expect(messages(third.records)).toEqual(['second page', 'seen by both', 'first page']);
    expect(third.dropped).toEqual({ overflow: 2, expired: 0, refused: 0 });
    expect([0, 1].map((index) => storage.key(index)).sort()).toEqual([
      `${PREFIX}:third`,
      'unrelated',
    ]);
  });

  it('turns an adopted unsent drop report back into counts', () => {
    const storage = createMemoryStorage();
    const earlier = openStore(storage, 'earlier');
    earlier.append(record('x'));
    earlier.setDropReport({
      ...record(DROP_REPORT_MESSAGE).entry,
      level: 'warn',
      context: { droppedEntries: { overflow: 1, expired: 4, refused: 0 } },
    });
    earlier.close();
    const next = openStore(storage, 'next');
    expect(next.dropReport).toBeUndefined();
    expect(next.dropped).toEqual({ overflow: 1, expired: 4, refused: 0 });
  });

  it('ignores stored data it cannot read', () => {
    const storage = createMemoryStorage();
    storage.setItem(`${PREFIX}:broken`, '{not json');
    storage.setItem(`${PREFIX}:future`, JSON.stringify({ version: 2, records: [record('v2')] }));
    storage.setItem(
      `${PREFIX}:odd`,
      JSON.stringify({ version: 1, records: [{ entry: {} }, record('ok')] }),
    );
    expect(messages(openStore(storage).records)).toEqual(['ok']);
  });

  it('drops the oldest waiting records beyond the bound, counting them, never those in flight', () => {
    const store = openStore(createMemoryStorage(), 'page', 2);
    const [a, b, c, d] = [record('a'), record('b'), record('c'), record('d')];
    store.append(a);
    store.markInFlight([a]);
    store.append(b);
    store.append(c);
    store.append(d);
    expect(messages(store.records)).toEqual(['a', 'c', 'd']);
    expect(store.dropped.overflow).toBe(1);
  });

  it('drops the oldest records when storage is full until the queue fits', async () => {
    const { storage } = limitedStorage(1_000);
    const store = openStore(storage);
    for (let index = 0; index < 20; index += 1) store.append(record(`entry ${index}`));
    await settle();
    const stored = openStore(storage, 'next');
    expect(stored.records.length).toBeGreaterThan(0);
    expect(stored.records.length + stored.dropped.overflow).toBe(20);
    expect(messages(stored.records)).toEqual(messages(store.records));
    expect(messages(stored.records).at(-1)).toBe('entry 19');
  });

  it('keeps the queue in memory when storage refuses for another reason', async () => {
    const storage = createMemoryStorage();
    storage.setItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const store = openStore(storage);
    store.append(record('kept'));
    await settle();
    expect(messages(store.records)).toEqual(['kept']);
    expect(store.dropped).toEqual(NO_DROPS);
  });

  it('removes its key once nothing is left', async () => {
    const storage = createMemoryStorage();
    const store = openStore(storage);
    const only = record('only');
    store.append(only);
    await settle();
    expect(storage.length).toBe(1);
    store.remove([only]);
    await settle();
    expect(storage.length).toBe(0);
  });

  it('counts only the dropped records it still holds', () => {
    const store = openStore(createMemoryStorage());
    const kept = record('kept');
    const gone = record('gone');
    store.append(kept);
    store.drop([kept, gone], 'refused');
    expect(store.dropped).toEqual({ overflow: 0, expired: 0, refused: 1 });
  });

  it('writes nothing after close()', async () => {
    const { storage, writes } = limitedStorage();
    const store = openStore(storage);
    store.close();
    store.append(record('too late'));
    await settle();
    expect(writes).toEqual([]);
  });
});
