import { Module } from '@nestjs/common';
import { MonitoringWindowedCountsStore } from './windowed-counts.store';

/**
 * The monitoring tables' windowed reads for other modules, apart from `MonitoringModule`: that
 * one is made once, by the app, with its options (`forRoot`), so other modules cannot import it.
 */
@Module({
  providers: [MonitoringWindowedCountsStore],
  exports: [MonitoringWindowedCountsStore],
})
export class MonitoringWindowedCountsModule {}
