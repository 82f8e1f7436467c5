/** The recurring module's public entry: what code outside the module uses of it. */
export { RecurringModule } from './recurring.module';
export { RecurringService } from './recurring.service';
