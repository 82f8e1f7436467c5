import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global look first, so component styles can build on it.
import './styles.css';
import { App } from './app/App';
import { sessionAccess } from './features/session';
import { appLogger } from './lib/logger';
import { provideSessionAccess } from './lib/session-access';

// The API client and the logger send the signed-in session's token (lib knows no feature).
provideSessionAccess(sessionAccess);

// Uncaught errors and unhandled rejections to the log store; what is unsent leaves by beacon
// when the page goes, or with the next load.
appLogger().installGlobalHandlers();

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
