import { Module } from '@nestjs/common';
import { ExclusiveJobs } from './exclusive-jobs';

/** Background jobs that run in one instance at a time (see ExclusiveJobs). */
@Module({
  providers: [ExclusiveJobs],
  exports: [ExclusiveJobs],
})
export class JobsModule {}
