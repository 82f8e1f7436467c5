/** The exceptions module's public entry: what code outside the module uses of it. */
export { ExceptionsModule } from './exceptions.module';
export { ExceptionWindowedCountsModule } from './query/windowed-counts.module';
export { ExceptionWindowedCountsStore } from './query/windowed-counts.store';
