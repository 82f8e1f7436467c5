import { Injectable, Logger } from '@nestjs/common';
import { ClusterCron } from '../../../common/jobs/cluster-cron.decorator';
import { AppConfig } from '../../../config/app-config';
import { ExceptionCountsStore } from './exception-counts.store';
import { ExceptionOccurrencesStore } from './exception-occurrences.store';

const EXCEPTION_RETENTION_JOB = 'exception-retention';

/** Rows removed per statement: short transactions, and a shutdown is noticed between them. */
const DELETE_CHUNK = 5000;
/** Minute counts older than this are merged into hour counts (charts that old use hours). */
const MINUTE_COUNTS_KEPT_DAYS = 7;

export interface ExceptionRetentionResult {
  occurrencesDeleted: number;
  minuteCountsMerged: number;
}

/**
 * Retention of exception data: stored occurrences older than EXCEPTION_RETENTION_DAYS are
 * deleted (groups and their counts stay, so totals and charts keep their history), and minute
 * counts older than a week are merged into hour counts (the sum is unchanged).
 */
@Injectable()
export class ExceptionRetentionService {
  private readonly logger = new Logger('Exceptions');

  constructor(
    private readonly config: AppConfig,
    private readonly occurrences: ExceptionOccurrencesStore,
    private readonly counts: ExceptionCountsStore,
  ) {}

  /** Daily at 03:20. */
  @ClusterCron('0 20 3 * * *', EXCEPTION_RETENTION_JOB)
  async applyDaily(signal?: AbortSignal): Promise<void> {
    const result = await this.apply(signal);
    this.logger.log(result, 'Exception retention applied');
  }

  async apply(signal?: AbortSignal, now = new Date()): Promise<ExceptionRetentionResult> {
    const cutoff = new Date(now.getTime() - this.config.EXCEPTION_RETENTION_DAYS * 86_400_000);
    let occurrencesDeleted = 0;
    for (;;) {
      signal?.throwIfAborted();
      const deleted = await this.occurrences.deleteOldest(cutoff, DELETE_CHUNK);
      occurrencesDeleted += deleted;
      if (deleted < DELETE_CHUNK) break;
    }
    signal?.throwIfAborted();
    const minuteCountsMerged = await this.counts.mergeMinutesBefore(
      new Date(now.getTime() - MINUTE_COUNTS_KEPT_DAYS * 86_400_000),
    );
    return { occurrencesDeleted, minuteCountsMerged };
  }
}
