/**
 * Whether a socket.io request may go on, by the same rule as CORS for HTTP: an `Origin` listed
 * in CORS_ORIGINS, the API's own origin (the SPA it serves), or none (not a browser). Needed
 * because browsers apply CORS to socket.io's HTTP long-polling but not to its WebSocket.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
