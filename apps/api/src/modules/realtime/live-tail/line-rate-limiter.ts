/**
 * At most `perWindow` lines in each window (one second by default), counting the lines it
 * refuses so they can be reported rather than silently lost. Windows start with the first line
 * after the previous one ended, so an idle tail costs nothing.
 */
export class LineRateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private sentInWindow = 0;
  private refused = 0;

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 1000,
  ) {}

  /** Whether one more line may go at `now` (ms); a refused line is counted. */
  tryTake(now: number): boolean {
    if (now >= this.windowEndsAt) {
      this.windowStart = now;
      this.sentInWindow = 0;
    }
    if (this.sentInWindow < this.perWindow) {
      this.sentInWindow += 1;
      return true;
    }
    this.refused += 1;
    return false;
  }

  /** Lines refused since the last call. */
  takeRefused(): number {
    const refused = this.refused;
    this.refused = 0;
    return refused;
  }

  /** When the current window ends (ms): lines refused in it can be reported then. */
  get windowEndsAt(): number {
    return this.windowStart + this.windowMs;
  }
}
