import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { GoalContributionsService } from './goal-contributions.service';
import { GoalContributionsStore } from './goal-contributions.store';
import { GoalProgressReader } from './goal-progress.reader';
import { GoalsController } from './goals.controller';
import { GoalsDemoSeeder } from './goals-demo.seeder';
import { GoalsService } from './goals.service';
import { SavingsGoalsStore } from './savings-goals.store';

@Module({
  imports: [AuditModule, AccountsModule],
  controllers: [GoalsController],
  providers: [
    GoalsService,
    GoalContributionsService,
    GoalProgressReader,
    SavingsGoalsStore,
    GoalContributionsStore,
    GoalsDemoSeeder,
  ],
  exports: [GoalsDemoSeeder],
})
export class GoalsModule {}
