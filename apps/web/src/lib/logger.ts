import { type BrowserLogger, createBrowserLogger } from '@ledgerlens/browser-logger';
import { sessionAccess } from './session-access';

/** One session ID per tab, kept across reloads, so a tab's entries can be read together. */
const SESSION_ID_KEY = 'ledgerlens.logSessionId';

function tabSessionId(): string {
  const kept = sessionStorage.getItem(SESSION_ID_KEY);
  if (kept) return kept;
  const fresh = crypto.randomUUID();
  sessionStorage.setItem(SESSION_ID_KEY, fresh);
  return fresh;
}

let logger: BrowserLogger | undefined;

/**
 * The SPA's logger (libs/browser-logger), made on first use: entries go to the API's log
 * store, tagged with the signed-in user when there is one.
 */
export function appLogger(): BrowserLogger {
  logger ??= createBrowserLogger({
    sessionId: tabSessionId(),
    release: __APP_RELEASE__,
    headers: () => {
      const accessToken = sessionAccess().accessToken();
      return accessToken ? { Authorization: `Bearer ${accessToken}` } : undefined;
    },
  });
  return logger;
}
