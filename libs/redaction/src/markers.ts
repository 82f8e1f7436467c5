/** The replacement for values under sensitive keys and secret query or form parameters. */
export const REDACTED = '[REDACTED]';

/** The replacement for a reference back to an object on the current path. */
export const CIRCULAR = '[Circular]';

/** The replacement for an object or array nested deeper than the maximum depth. */
export const MAX_DEPTH = '[MaxDepth]';

/** The replacement for a secret value of the given kind, e.g. `[REDACTED:card]`. */
export function redactionMarker(kind: string): string {
  return `[REDACTED:${kind}]`;
}
