import { Module } from '@nestjs/common';
import { JobsModule } from '../../common/jobs/jobs.module';
import { ExceptionCapture } from './capture/exception-capture';
import { ProcessErrorHandlers } from './capture/process-error-handlers';
import { ExceptionsController } from './exceptions.controller';
import { ExceptionGroupsService } from './query/exception-groups.service';
import { ExceptionPatternsService } from './query/exception-patterns.service';
import { ExceptionCountsStore } from './storage/exception-counts.store';
import { ExceptionGroupsStore } from './storage/exception-groups.store';
import { ExceptionOccurrenceWriter } from './storage/exception-occurrence.writer';
import { ExceptionOccurrencesStore } from './storage/exception-occurrences.store';
import { ExceptionRetentionService } from './storage/exception-retention.service';

/**
 * Exception tracking: occurrences from the exception filter, the process, jobs, the audit and
 * log writers and browsers (reported as `InternalEvent.ExceptionReported`), grouped by
 * fingerprint with exact counts and flood sampling, and the admin API under
 * `/logging/exceptions`. See docs/adr/0009-exception-grouping.md.
 */
@Module({
  imports: [JobsModule],
  controllers: [ExceptionsController],
  providers: [
    ExceptionGroupsStore,
    ExceptionOccurrencesStore,
    ExceptionCountsStore,
    ExceptionOccurrenceWriter,
    ExceptionCapture,
    ProcessErrorHandlers,
    ExceptionGroupsService,
    ExceptionPatternsService,
    ExceptionRetentionService,
  ],
})
export class ExceptionsModule {}
