import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { BudgetsModule } from '../budgets';
import { CategoriesModule } from '../categories';
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
  ],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
