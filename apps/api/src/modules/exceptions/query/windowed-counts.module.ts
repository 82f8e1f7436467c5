import { Module } from '@nestjs/common';
import { ExceptionWindowedCountsStore } from './windowed-counts.store';

/** The exceptions' windowed counts for other modules, without the rest of `ExceptionsModule`. */
@Module({
  providers: [ExceptionWindowedCountsStore],
  exports: [ExceptionWindowedCountsStore],
})
export class ExceptionWindowedCountsModule {}
