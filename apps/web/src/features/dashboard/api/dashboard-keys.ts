/** Query keys of the dashboard; transaction and budget writes invalidate `all` as well. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  month: (month: string) => [...dashboardKeys.all, 'month', month] as const,
  recent: (month?: string) => [...dashboardKeys.all, 'recent', month ?? 'latest'] as const,
  monthlyTotals: (range: MonthRange) => [...dashboardKeys.all, 'months', range] as const,
  categoryMonths: (range: MonthRange) => [...dashboardKeys.all, 'categories', range] as const,
  budgetPeriods: (budgetId: string) => [...dashboardKeys.all, 'budget-periods', budgetId] as const,
};

/** Whole months, `YYYY-MM`, both included. */
export interface MonthRange {
  from: string;
  to: string;
}
