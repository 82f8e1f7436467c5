import type { RouteObject } from 'react-router';
import { RegisterPage, SignInPage } from '../features/session';
import { Skeleton } from '../ui';
import { AppFrame } from './AppFrame';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { behindSignIn } from './page-behind-sign-in';
import { RequireAdmin } from './RequireAdmin';
import { RequireSession } from './RequireSession';
import { RouteErrorPage } from './RouteErrorPage';

/*
 * Pages load on first visit: sign-in stays small, and the dashboard's charts are fetched only by
 * those who open it. Sign-in, the shell and the guards are in the main bundle; the pages behind
 * sign-in are fetched only for someone signed in (behindSignIn), never on the way to sign-in.
 */
export const routes: RouteObject[] = [
  {
    element: <AppFrame />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <Skeleton label="Loading Ledgerlens" rows={4} />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'register', element: <RegisterPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <Layout />,
            children: [
              {
                index: true,
                ...behindSignIn(() =>
                  import('../features/dashboard/DashboardPage').then(
                    (module) => module.DashboardPage,
                  ),
                ),
              },
              {
                path: 'accounts',
                ...behindSignIn(() =>
                  import('../features/accounts/AccountsPage').then((module) => module.AccountsPage),
                ),
              },
              {
                path: 'transactions',
                ...behindSignIn(() =>
                  import('../features/transactions/TransactionsPage').then(
                    (module) => module.TransactionsPage,
                  ),
                ),
              },
              {
                path: 'import',
                ...behindSignIn(() =>
                  import('../features/imports/ImportPage').then((module) => module.ImportPage),
                ),
              },
              {
                path: 'budgets',
                ...behindSignIn(() =>
                  import('../features/budgets/BudgetsPage').then((module) => module.BudgetsPage),
                ),
              },
              {
                path: 'goals',
                ...behindSignIn(() =>
                  import('../features/goals/GoalsPage').then((module) => module.GoalsPage),
                ),
              },
              {
                path: 'recurring',
                ...behindSignIn(() =>
                  import('../features/recurring/RecurringPage').then(
                    (module) => module.RecurringPage,
                  ),
                ),
              },
              {
                path: 'notifications',
                ...behindSignIn(() =>
                  import('../features/notifications/NotificationsPage').then(
                    (module) => module.NotificationsPage,
                  ),
                ),
              },
              {
                path: 'settings/notifications',
                ...behindSignIn(() =>
                  import('../features/preferences/NotificationSettingsPage').then(
                    (module) => module.NotificationSettingsPage,
                  ),
                ),
              },
              {
                path: 'categories',
                ...behindSignIn(() =>
                  import('../features/categories/CategoriesPage').then(
                    (module) => module.CategoriesPage,
                  ),
                ),
              },
              {
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  {
                    // The admin console is its own chunk: users never download it.
                    ...behindSignIn(() =>
                      import('./admin/AdminLayout').then((module) => module.AdminLayout),
                    ),
                    children: [
                      {
                        index: true,
                        ...behindSignIn(() =>
                          import('../features/admin-overview/AdminOverviewPage').then(
                            (module) => module.AdminOverviewPage,
                          ),
                        ),
                      },
                      {
                        path: 'audit',
                        ...behindSignIn(() =>
                          import('../features/admin-audit/AuditLogsPage').then(
                            (module) => module.AuditLogsPage,
                          ),
                        ),
                      },
                      {
                        path: 'events',
                        ...behindSignIn(() =>
                          import('../features/admin-audit/EventsPage').then(
                            (module) => module.EventsPage,
                          ),
                        ),
                      },
                      {
                        path: 'logs/overview',
                        ...behindSignIn(() =>
                          import('../features/admin-logs-overview/LogsOverviewPage').then(
                            (module) => module.LogsOverviewPage,
                          ),
                        ),
                      },
                      {
                        path: 'logs',
                        ...behindSignIn(() =>
                          import('../features/admin-logs/LogsPage').then(
                            (module) => module.LogsPage,
                          ),
                        ),
                      },
                      {
                        path: 'exceptions',
                        ...behindSignIn(() =>
                          import('../features/admin-exceptions/ExceptionsPage').then(
                            (module) => module.ExceptionsPage,
                          ),
                        ),
                      },
                      {
                        path: 'exceptions/:id',
                        ...behindSignIn(() =>
                          import('../features/admin-exceptions/ExceptionGroupPage').then(
                            (module) => module.ExceptionGroupPage,
                          ),
                        ),
                      },
                      {
                        path: 'alerts/contact-points',
                        ...behindSignIn(() =>
                          import('../features/admin-alert-contact-points/ContactPointsPage').then(
                            (module) => module.ContactPointsPage,
                          ),
                        ),
                      },
                      {
                        path: 'alerts/history',
                        ...behindSignIn(() =>
                          import('../features/admin-alert-history/AlertHistoryPage').then(
                            (module) => module.AlertHistoryPage,
                          ),
                        ),
                      },
                      {
                        path: 'alerts',
                        ...behindSignIn(() =>
                          import('../features/admin-alerts/AlertRulesPage').then(
                            (module) => module.AlertRulesPage,
                          ),
                        ),
                      },
                      {
                        path: 'alerts/new',
                        ...behindSignIn(() =>
                          import('../features/admin-alerts/AlertRuleEditorPage').then(
                            (module) => module.AlertRuleEditorPage,
                          ),
                        ),
                      },
                      {
                        path: 'alerts/:id',
                        ...behindSignIn(() =>
                          import('../features/admin-alerts/AlertRulePage').then(
                            (module) => module.AlertRulePage,
                          ),
                        ),
                      },
                      {
                        path: 'alerts/:id/edit',
                        ...behindSignIn(() =>
                          import('../features/admin-alerts/AlertRuleEditorPage').then(
                            (module) => module.AlertRuleEditorPage,
                          ),
                        ),
                      },
                      {
                        path: 'performance',
                        ...behindSignIn(() =>
                          import('../features/admin-performance/PerformancePage').then(
                            (module) => module.PerformancePage,
                          ),
                        ),
                      },
                    ],
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];
