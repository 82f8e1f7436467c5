/** The insights module's public entry: what code outside the module uses of it. */
export { InsightsModule } from './insights.module';
