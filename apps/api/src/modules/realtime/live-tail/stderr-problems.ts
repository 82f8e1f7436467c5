/** Problems are told at most this often, with how many were not told. */
const REPORT_INTERVAL_MS = 5000;

/**
 * Tells problems of the live tail on stderr, never through the logger: a logged line is stored
 * and tailed, so a failing tail would feed itself. Throttled, so a broken socket cannot flood.
 */
export class StderrProblems {
  private lastReportAt = Number.NEGATIVE_INFINITY;
  private untold = 0;

  constructor(private readonly subject: string) {}

  report(message: string, error?: unknown): void {
    const now = Date.now();
    if (now - this.lastReportAt < REPORT_INTERVAL_MS) {
      this.untold += 1;
      return;
    }
    const reason = error instanceof Error ? `: ${error.message}` : '';
    const untold = this.untold > 0 ? ` (${this.untold} more since the last)` : '';
    this.lastReportAt = now;
    this.untold = 0;
    process.stderr.write(`[ledgerlens] ${this.subject}: ${message}${reason}${untold}\n`);
  }
}
