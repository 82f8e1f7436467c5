import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ArchiveDay } from './archive-run';
import { dayPartitionsBefore, utcToday } from './log-partitions.store';
import { RetentionPolicy, shortestRetention } from './retention-policy';

/** Finds the days a retention run looks at, by the database's clock so every instance agrees. */
@Injectable()
export class ExpiredDays {
  constructor(private readonly dataSource: DataSource) {}

  /** Today in UTC, `YYYY-MM-DD`. */
  today(): Promise<string> {
    return utcToday(this.dataSource);
  }

  /**
   * The day partitions, oldest first, that may hold rows expired on `today`: those before the
   * shortest retention's cut-off. Which rows of them expired is decided per row.
   */
  find(policy: RetentionPolicy, today: string): Promise<ArchiveDay[]> {
    return dayPartitionsBefore(this.dataSource, today, shortestRetention(policy));
  }
}
