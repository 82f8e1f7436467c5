/** The conformance module's public entry: what code outside the module uses of it. */
export { ConformanceModule } from './conformance.module';
