/** The exceptions module's public entry: what code outside the module uses of it. */
export { ExceptionsModule } from './exceptions.module';
export { ExceptionCapture } from './capture/exception-capture';
export { ExceptionWindowedCountsModule } from './query/windowed-counts.module';
export { ExceptionWindowedCountsStore } from './query/windowed-counts.store';
