/** Query keys of the dashboard; transaction and budget writes invalidate `all` as well. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  month: (month: string) => [...dashboardKeys.all, 'month', month] as const,
  recent: () => [...dashboardKeys.all, 'recent'] as const,
};
