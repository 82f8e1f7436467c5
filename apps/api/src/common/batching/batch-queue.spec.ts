import { BatchQueue, BatchQueueOptions } from './batch-queue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function queueWith(overrides: Partial<BatchQueueOptions<number>> = {}) {
  const written: number[][] = [];
  const problems: string[] = [];
  const queue = new BatchQueue<number>({
    capacity: 100,
    batchSize: 10,
    flushIntervalMs: 20,
    write: async (batch) => {
      written.push(batch);
    },
    onProblem: (message) => problems.push(message),
    ...overrides,
  });
  return { queue, written, problems };
}

describe('BatchQueue', () => {
  it('waits for the interval while less than a batch is queued', async () => {
    const { queue, written } = queueWith({ flushIntervalMs: 200 });
    for (let i = 0; i < 3; i++) queue.push(i);
    await sleep(20);
    expect(written).toEqual([]);
    await sleep(250);
    expect(written).toEqual([[0, 1, 2]]);
  });

  it('writes at once, in batches and in order, when a batch is full', async () => {
    const { queue, written } = queueWith({ flushIntervalMs: 10_000 });
    for (let i = 0; i < 13; i++) queue.push(i);
    await sleep(20);
    expect(written).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12],
    ]);
  });

  it('drops and counts pushes beyond capacity without throwing', () => {
    const { queue, problems } = queueWith({ capacity: 5, batchSize: 50, flushIntervalMs: 10_000 });
    const accepted = Array.from({ length: 8 }, (_, i) => queue.push(i));
    expect(accepted).toEqual([true, true, true, true, true, false, false, false]);
    expect(queue.dropped).toBe(3);
    expect(queue.size).toBe(5);
    // Reported once, not once per drop.
    expect(problems).toHaveLength(1);
  });

  it('retries a failed batch with backoff and loses nothing', async () => {
    let failures = 2;
    const written: number[] = [];
    const { queue, problems } = queueWith({
      write: async (batch) => {
        if (failures-- > 0) throw new Error('database down');
        written.push(...batch);
      },
    });
    for (let i = 0; i < 5; i++) queue.push(i);
    await sleep(1000);
    expect(written).toEqual([0, 1, 2, 3, 4]);
    expect(problems.filter((problem) => problem.includes('failed'))).toHaveLength(2);
  });

  it('drains everything on demand, also while a flush is running', async () => {
    const { queue, written } = queueWith({ batchSize: 7, flushIntervalMs: 10_000 });
    for (let i = 0; i < 50; i++) queue.push(i);
    await queue.drain();
    expect(written.flat()).toHaveLength(50);
    expect(queue.size).toBe(0);
  });

  it('gives up draining after repeated failures and counts what it lost', async () => {
    const { queue } = queueWith({
      write: async () => {
        throw new Error('gone');
      },
      drainAttempts: 2,
      maxBackoffMs: 1,
      flushIntervalMs: 10_000,
    });
    for (let i = 0; i < 4; i++) queue.push(i);
    await queue.drain();
    expect(queue.size).toBe(0);
    expect(queue.dropped).toBe(4);
  });

  it('writes what is pushed while it drains', async () => {
    let pushedDuringDrain = false;
    const written: number[] = [];
    const { queue } = queueWith({
      flushIntervalMs: 10_000,
      write: async (batch) => {
        written.push(...batch);
        if (!pushedDuringDrain) {
          pushedDuringDrain = true;
          queue.push(99);
        }
      },
    });
    queue.push(1);
    await queue.drain();
    expect(written).toEqual([1, 99]);
  });

  it('refuses a push after the drain, and counts and tells every one (never silent)', async () => {
    const { queue, problems, written } = queueWith({ flushIntervalMs: 10_000 });
    queue.push(1);
    await queue.drain();
    expect([queue.push(2), queue.push(3)]).toEqual([false, false]);
    expect(queue.size).toBe(0);
    expect(queue.dropped).toBe(2);
    expect(problems).toEqual([
      expect.stringMatching(/Dropped 1 item\(s\): pushed after the queue was drained .*1 in total/),
      expect.stringMatching(/Dropped 1 item\(s\): pushed after the queue was drained .*2 in total/),
    ]);
    await sleep(30);
    expect(written).toEqual([[1]]);
  });
});
