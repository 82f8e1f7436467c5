import { Outlet } from 'react-router';
import { useBudgetAlerts } from '../features/budgets';
import { useFormatPreferences } from '../features/preferences';
import { useRealtimeConnection } from '../features/realtime';
import { PageErrorBoundary } from './ErrorBoundary';
import { reportUiError } from './report-error';
import { SiteHeader } from './SiteHeader';
import './layout.css';

const MAIN_ID = 'main-content';

/**
 * The frame of every signed-in page; while it is shown, the realtime connection is open,
 * budget crossings are told wherever the user is, and money and dates follow their preferences.
 */
export function Layout() {
  useRealtimeConnection();
  useBudgetAlerts();
  useFormatPreferences();
  return (
    <div className="shell">
      <a
        className="skip-link"
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          // Focus without a hash in the address bar: the router owns the URL.
          event.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
      >
        Skip to content
      </a>
      <SiteHeader />
      <main id={MAIN_ID} className="shell__main" tabIndex={-1}>
        <PageErrorBoundary onError={reportUiError}>
          <Outlet />
        </PageErrorBoundary>
      </main>
    </div>
  );
}
