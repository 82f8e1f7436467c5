/** The goals module's public entry: what code outside the module uses of it. */
export { GoalsModule } from './goals.module';
export { GoalsDemoSeeder } from './goals-demo.seeder';
