import type { RouteObject } from 'react-router';
import { RegisterPage } from '../features/session/RegisterPage';
import { SignInPage } from '../features/session/SignInPage';
import { Skeleton } from '../ui';
import { AppFrame } from './AppFrame';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireAdmin } from './RequireAdmin';
import { RequireSession } from './RequireSession';
import { RouteErrorPage } from './RouteErrorPage';

/*
 * Pages load on first visit: sign-in stays small, and the dashboard's charts are fetched only by
 * those who open it. Sign-in, the shell and the guards are in the main bundle.
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
                lazy: () =>
                  import('../features/dashboard/DashboardPage').then((page) => ({
                    Component: page.DashboardPage,
                  })),
              },
              {
                path: 'transactions',
                lazy: () =>
                  import('../features/transactions/TransactionsPage').then((page) => ({
                    Component: page.TransactionsPage,
                  })),
              },
              {
                path: 'budgets',
                lazy: () =>
                  import('../features/budgets/BudgetsPage').then((page) => ({
                    Component: page.BudgetsPage,
                  })),
              },
              {
                path: 'notifications',
                lazy: () =>
                  import('../features/notifications/NotificationsPage').then((page) => ({
                    Component: page.NotificationsPage,
                  })),
              },
              {
                path: 'settings/notifications',
                lazy: () =>
                  import('../features/preferences/NotificationSettingsPage').then((page) => ({
                    Component: page.NotificationSettingsPage,
                  })),
              },
              {
                path: 'categories',
                lazy: () =>
                  import('../features/categories/CategoriesPage').then((page) => ({
                    Component: page.CategoriesPage,
                  })),
              },
              {
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  {
                    // The admin console is its own chunk: users never download it.
                    lazy: () =>
                      import('./admin/AdminLayout').then((layout) => ({
                        Component: layout.AdminLayout,
                      })),
                    children: [
                      {
                        index: true,
                        lazy: () =>
                          import('../features/admin-overview/AdminOverviewPage').then((page) => ({
                            Component: page.AdminOverviewPage,
                          })),
                      },
                      {
                        path: 'audit',
                        lazy: () =>
                          import('../features/admin-audit/AuditLogsPage').then((page) => ({
                            Component: page.AuditLogsPage,
                          })),
                      },
                      {
                        path: 'events',
                        lazy: () =>
                          import('../features/admin-audit/EventsPage').then((page) => ({
                            Component: page.EventsPage,
                          })),
                      },
                      {
                        path: 'logs/overview',
                        lazy: () =>
                          import('../features/admin-logs-overview/LogsOverviewPage').then(
                            (page) => ({ Component: page.LogsOverviewPage }),
                          ),
                      },
                      {
                        path: 'logs',
                        lazy: () =>
                          import('../features/admin-logs/LogsPage').then((page) => ({
                            Component: page.LogsPage,
                          })),
                      },
                      {
                        path: 'exceptions',
                        lazy: () =>
                          import('../features/admin-exceptions/ExceptionsPage').then((page) => ({
                            Component: page.ExceptionsPage,
                          })),
                      },
                      {
                        path: 'exceptions/:id',
                        lazy: () =>
                          import('../features/admin-exceptions/ExceptionGroupPage').then(
                            (page) => ({ Component: page.ExceptionGroupPage }),
                          ),
                      },
                      {
                        path: 'alerts/contact-points',
                        lazy: () =>
                          import('../features/admin-alert-contact-points/ContactPointsPage').then(
                            (page) => ({ Component: page.ContactPointsPage }),
                          ),
                      },
                      {
                        path: 'alerts/history',
                        lazy: () =>
                          import('../features/admin-alert-history/AlertHistoryPage').then(
                            (page) => ({ Component: page.AlertHistoryPage }),
                          ),
                      },
                      {
                        path: 'alerts',
                        lazy: () =>
                          import('../features/admin-alerts/AlertRulesPage').then((page) => ({
                            Component: page.AlertRulesPage,
                          })),
                      },
                      {
                        path: 'alerts/new',
                        lazy: () =>
                          import('../features/admin-alerts/AlertRuleEditorPage').then((page) => ({
                            Component: page.AlertRuleEditorPage,
                          })),
                      },
                      {
                        path: 'alerts/:id',
                        lazy: () =>
                          import('../features/admin-alerts/AlertRulePage').then((page) => ({
                            Component: page.AlertRulePage,
                          })),
                      },
                      {
                        path: 'alerts/:id/edit',
                        lazy: () =>
                          import('../features/admin-alerts/AlertRuleEditorPage').then((page) => ({
                            Component: page.AlertRuleEditorPage,
                          })),
                      },
                      {
                        path: 'performance',
                        lazy: () =>
                          import('../features/admin-performance/PerformancePage').then((page) => ({
                            Component: page.PerformancePage,
                          })),
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
