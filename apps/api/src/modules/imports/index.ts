/** The imports module's public entry: what code outside the module uses of it. */
export { ImportsModule } from './imports.module';
