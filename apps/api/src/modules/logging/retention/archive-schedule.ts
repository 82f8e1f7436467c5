import { Injectable, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { periodStartOf } from '../../../common/jobs/cron-periods';
import { AppConfig } from '../../../config/app-config';
import { LOG_ARCHIVE_JOB, LogArchiveService } from './log-archive.service';

/**
 * Starts a retention run on LOG_ARCHIVE_CRON (server time). The expression comes from the
 * configuration, so the job is made here rather than by a `@Cron` decorator.
 */
@Injectable()
export class ArchiveSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly archive: LogArchiveService,
    /** Absent when JOBS_ENABLED=false (no ScheduleModule): then nothing is scheduled. */
    @Optional() private readonly scheduler?: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.scheduler) return;
    // The expression was checked with the rest of the configuration at startup.
    const job = CronJob.from({
      cronTime: this.config.LOG_ARCHIVE_CRON,
      onTick: async () => {
        await this.archive.runScheduled(periodStartOf(this.config.LOG_ARCHIVE_CRON, new Date()));
      },
      start: true,
    });
    // The registry stops the job on shutdown.
    this.scheduler.addCronJob(LOG_ARCHIVE_JOB, job);
  }
}
