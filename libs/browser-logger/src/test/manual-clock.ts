import type { Scheduler } from '../lib/platform';

/** 2030-01-01T00:00:00Z: tests start here, far from any real clock. */
export const TEST_EPOCH = Date.UTC(2030, 0, 1);

/** Lets every promise chain started so far finish (one macrotask turn runs all microtasks). */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

interface Timer {
  at: number;
  id: number;
  callback: () => void;
}

/** A clock that moves only when told to, running due timers in order and settling after each. */
export class ManualClock implements Scheduler {
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  constructor(private current = TEST_EPOCH) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.current + Math.max(0, delayMs), id, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time on by `ms`, firing every timer due on the way at its own time. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.timers.delete(timer.id);
      this.current = Math.max(this.current, timer.at);
      timer.callback();
      await settle();
    }
    this.current = target;
    await settle();
  }

  private nextDue(limit: number): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.at <= limit && (!next || timer.at < next.at)) next = timer;
    }
    return next;
  }
}
