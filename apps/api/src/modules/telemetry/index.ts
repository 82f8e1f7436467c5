/** The telemetry module's public entry: what code outside the module uses of it. */
export { TelemetryModule } from './telemetry.module';
export type { TelemetryModuleOptions } from './telemetry.module';
