import { Injectable } from '@nestjs/common';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CronJob } from 'cron';
import { ClusterCron } from '../src/common/jobs/cluster-cron.decorator';
import { JobsModule } from '../src/common/jobs/jobs.module';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase, dropTestDatabase } from './support/test-database';

const JOB = 'cluster-cron-test';
/** Yearly: the schedule itself never fires while the test runs; the test fires the ticks. */
const YEARLY = '0 0 0 1 1 *';

/** The work starts, then waits for `release` or for the shutdown, whichever comes first. */
@Injectable()
class YearlyReport {
  readonly signals: AbortSignal[] = [];
  private release!: () => void;
  private released = Promise.resolve();
  private started = (): void => undefined;

  /** Until `finish()`, runs started from now on wait; resolves when one has started. */
  holdNextRuns(): Promise<void> {
    this.released = new Promise((resolve) => (this.release = resolve));
    return new Promise((resolve) => (this.started = resolve));
  }

  finish(): void {
    this.release();
  }

  @ClusterCron(YEARLY, JOB)
  async compile(signal?: AbortSignal): Promise<void> {
    if (signal) this.signals.push(signal);
    this.started();
    await Promise.race([
      this.released,
      new Promise((resolve) => signal?.addEventListener('abort', resolve)),
    ]);
  }
}

/** An application with the schedule on, as each API instance runs its jobs. */
async function instance(databaseUrl: string): Promise<TestingModule> {
  const app = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, [], 2)),
      ScheduleModule.forRoot(),
      JobsModule,
    ],
    providers: [YearlyReport],
  }).compile();
  app.useLogger(false);
  return app.init();
}

/** The instance's scheduled job; its ticks are awaited (a schedule's own ticks are not). */
function scheduled(app: TestingModule): CronJob {
  const job = app.get(SchedulerRegistry).getCronJob(JOB);
  job.waitForCompletion = true;
  return job;
}

const runsOf = (app: TestingModule) => app.get(YearlyReport).signals.length;

describe('@ClusterCron on two instances sharing one database', () => {
  let databaseUrl: string;
  let first: TestingModule;
  let second: TestingModule;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    first = await instance(databaseUrl);
    second = await instance(databaseUrl);
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await dropTestDatabase(databaseUrl);
  });

  it('schedules the method under the job name, on its expression, in every instance', () => {
    for (const app of [first, second]) {
      expect(String(app.get(SchedulerRegistry).getCronJob(JOB).cronTime.source)).toBe(YEARLY);
    }
  });

  it('runs the work of a period once, however many instances tick', async () => {
    const started = first.get(YearlyReport).holdNextRuns();
    const firstTick = scheduled(first).fireOnTick();
    await started;
    await scheduled(second).fireOnTick();
    expect(runsOf(second)).toBe(0);
    first.get(YearlyReport).finish();
    await firstTick;
    expect(runsOf(first)).toBe(1);

    // An instance ticking late for the same period, after its run finished, does not run it
    // again: the period was claimed (a direct call, not tied to a period, still runs).
    await scheduled(second).fireOnTick();
    expect(runsOf(second)).toBe(0);
    expect(await second.get(YearlyReport).compile()).toBe('succeeded');
    expect(runsOf(second)).toBe(1);
  });

  it('resolves a call with the outcome: busy while another instance runs the job', async () => {
    const started = first.get(YearlyReport).holdNextRuns();
    const held = first.get(YearlyReport).compile();
    await started;
    expect(await second.get(YearlyReport).compile()).toBe('busy');
    first.get(YearlyReport).finish();
    expect(await held).toBe('succeeded');
    expect(await second.get(YearlyReport).compile()).toBe('succeeded');
  });

  it("gives the work the runner's shutdown signal, and shutdown waits for the work", async () => {
    const stopping = await instance(databaseUrl);
    const report = stopping.get(YearlyReport);
    const started = report.holdNextRuns();
    const run = report.compile(new AbortController().signal);
    await started;
    await stopping.close();
    const [signal] = report.signals;
    expect(signal.aborted).toBe(true);
    expect(await run).toBe('succeeded');
  });
});
