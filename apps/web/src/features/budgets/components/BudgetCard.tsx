import type { ReactNode } from 'react';
import type { Budget } from '../api/get-budgets';
import '../budgets.css';

/** A budget's card in a list, marked by its status so one past a threshold stands out. */
export function BudgetCard({ budget, children }: { budget: Budget; children: ReactNode }) {
  return <li className={`budget-card budget-card--${budget.status}`}>{children}</li>;
}
