/** The budgets feature's public surface: the app and other features import only these. */
export { budgetKeys } from './api/budget-keys';
export { useBudgetAlerts } from './api/use-budget-alerts';
export { useBudgetViews } from './api/use-budget-views';
export { formatPercent, spentOfLimit } from './budget-text';
export { BudgetCard } from './components/BudgetCard';
export { BudgetSummary } from './components/BudgetSummary';
