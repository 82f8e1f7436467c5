/** Where an exception group stands: `ignored` groups are still counted. */
export const EXCEPTION_STATUSES = ['unresolved', 'resolved', 'ignored'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

/** `fatal`: the process could not go on (an uncaught exception, a browser's fatal entry). */
export const EXCEPTION_LEVELS = ['error', 'fatal'] as const;
export type ExceptionLevel = (typeof EXCEPTION_LEVELS)[number];

/** Orders of the exception group list (each newest or largest first unless `order=asc`). */
export const EXCEPTION_SORTS = ['lastSeen', 'firstSeen', 'count'] as const;
export type ExceptionSort = (typeof EXCEPTION_SORTS)[number];
