/** The demo module's public entry: what code outside the module uses of it. */
export { DEMO_LOGINS } from './demo-data';
export { DemoSeedService } from './demo-seed.service';
export { DemoModule } from './demo.module';
