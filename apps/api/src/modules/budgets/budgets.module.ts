import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CategoriesModule } from '../categories';
import { TransactionsModule } from '../transactions';
import { BudgetAlertsStore } from './budget-alerts.store';
import { BudgetPeriodsService } from './budget-periods.service';
import { BudgetPeriodsStore } from './budget-periods.store';
import { BudgetsController } from './budgets.controller';
import { BudgetsService } from './budgets.service';
import { BudgetsStore } from './budgets.store';

@Module({
  imports: [AuditModule, CategoriesModule, TransactionsModule],
  controllers: [BudgetsController],
  providers: [
    BudgetsService,
    BudgetsStore,
    BudgetAlertsStore,
    BudgetPeriodsService,
    BudgetPeriodsStore,
  ],
  exports: [BudgetsService],
})
export class BudgetsModule {}
