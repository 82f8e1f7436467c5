/**
 * The audit feature's public surface: other features import only these. Its pages are loaded by
 * the router on first visit (app/routes.tsx), not from here.
 */
export { useChainVerification } from './api/audit-queries';
export { ResultBadge } from './components/ResultBadge';
