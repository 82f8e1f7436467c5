import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { TempFiles } from './temp-files';

/** The application's temporary files and their hourly clean-up (see TempFiles). */
@Module({
  imports: [JobsModule],
  providers: [TempFiles],
  exports: [TempFiles],
})
export class TempFilesModule {}
