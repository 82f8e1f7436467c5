/** The exceptions module's public entry: what code outside the module uses of it. */
export { ExceptionsModule } from './exceptions.module';
