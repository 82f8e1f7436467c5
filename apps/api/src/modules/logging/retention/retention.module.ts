import { Module } from '@nestjs/common';
import { JobsModule } from '../../../common/jobs/jobs.module';
import { ArchiveRunsStore } from './archive-runs.store';
import { ArchiveSchedule } from './archive-schedule';
import { ArchiveController } from './archive.controller';
import { DayArchiver } from './day-archiver';
import { ExpiredDays } from './expired-days';
import { LogArchiveService } from './log-archive.service';
import { PartitionMaintenance } from './partition-maintenance';

/**
 * Retention of stored logs: day partitions made ahead, expired logs archived to files and then
 * removed (daily and on demand), each run recorded. See docs/adr/0008-log-retention.md.
 */
@Module({
  imports: [JobsModule],
  controllers: [ArchiveController],
  providers: [
    PartitionMaintenance,
    ArchiveRunsStore,
    ExpiredDays,
    DayArchiver,
    LogArchiveService,
    ArchiveSchedule,
  ],
})
export class RetentionModule {}
