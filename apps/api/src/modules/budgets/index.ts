/** The budgets module's public entry: what code outside the module uses of it. */
export { BudgetAlert } from './budget-alert.entity';
export { Budget } from './budget.entity';
export { BudgetsModule } from './budgets.module';
export { BudgetsService } from './budgets.service';
