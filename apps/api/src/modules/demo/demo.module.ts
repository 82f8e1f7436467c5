import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { BudgetsModule } from '../budgets';
import { CategoriesModule } from '../categories';
import { GoalsModule } from '../goals';
import { RecurringModule } from '../recurring';
import { TransactionsModule } from '../transactions';
import { UsersModule } from '../users';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [
    UsersModule,
    AccountsModule,
    CategoriesModule,
    TransactionsModule,
    BudgetsModule,
    RecurringModule,
    GoalsModule,
  ],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
