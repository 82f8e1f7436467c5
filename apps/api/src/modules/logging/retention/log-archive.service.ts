import { Injectable } from '@nestjs/common';
import { ExclusiveJobs, JobOutcome } from '../../../common/jobs/exclusive-jobs';
import { ConflictError } from '../../../common/errors/domain-errors';
import { AppConfig } from '../../../config/app-config';
import { ArchiveRunTrigger } from './archive-run';
import { ArchiveRunsStore } from './archive-runs.store';
import { DayArchiver } from './day-archiver';
import { ArchiveRunDto } from './dto/archive-run.dto';
import { ExpiredDays } from './expired-days';
import { retentionPolicyOf } from './retention-policy';

/** The job's name: one run at a time across all instances. */
export const LOG_ARCHIVE_JOB = 'log-archive';

/**
 * Retention runs: each archives and removes the expired logs of every day, oldest first, and
 * is recorded in `archive_runs` as it goes. The retention settings are read when a run starts.
 */
@Injectable()
export class LogArchiveService {
  constructor(
    private readonly jobs: ExclusiveJobs,
    private readonly runs: ArchiveRunsStore,
    private readonly expiredDays: ExpiredDays,
    private readonly days: DayArchiver,
    private readonly config: AppConfig,
  ) {}

  /**
   * A scheduled run, to its end (`busy` when another instance is running one; `claimed` when the
   * schedule's tick for `period` already ran on another instance).
   */
  runScheduled(period?: Date): Promise<JobOutcome> {
    return this.launch('schedule', null, () => undefined, period);
  }

  /**
   * Starts a run for an admin and resolves with its record as soon as it is recorded, while it
   * goes on in the background. ConflictError when a run is in progress in any instance.
   */
  start(requestedBy: string): Promise<ArchiveRunDto> {
    return new Promise((resolve, reject) => {
      // Once the run is recorded (resolved), its outcome no longer concerns the caller.
      void this.launch('manual', requestedBy, resolve).then((outcome) =>
        reject(
          outcome === 'busy'
            ? new ConflictError('An archive run is already in progress')
            : new Error('The archive run could not start'),
        ),
      );
    });
  }

  private launch(
    trigger: ArchiveRunTrigger,
    requestedBy: string | null,
    onRecorded: (run: ArchiveRunDto) => void,
    period?: Date,
  ): Promise<JobOutcome> {
    return this.jobs.run(
      LOG_ARCHIVE_JOB,
      async (signal) => {
        const run = await this.runs.open(trigger, requestedBy);
        onRecorded(run);
        await this.archive(run.id, signal);
      },
      period,
    );
  }

  /** Archives every day holding expired rows, then records how the run ended. */
  private async archive(runId: string, signal: AbortSignal): Promise<void> {
    try {
      const policy = retentionPolicyOf(this.config);
      const today = await this.expiredDays.today();
      for (const day of await this.expiredDays.find(policy, today)) {
        signal.throwIfAborted();
        await this.days.archive({ runId, policy, today, signal }, day);
      }
      await this.runs.finish(runId);
    } catch (error) {
      await this.runs.finish(runId, error);
      throw error;
    }
  }
}
