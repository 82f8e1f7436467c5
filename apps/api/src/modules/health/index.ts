/** The health module's public entry: what code outside the module uses of it. */
export { HealthModule } from './health.module';
