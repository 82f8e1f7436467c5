/**
 * Socket.io rooms. A socket joins its user's room, its sign-in's room and, for admins, the
 * admins' room at the handshake; the audit room on request. With the Redis adapter a room spans
 * every instance, so emitting to one reaches its sockets wherever they are connected.
 */
export const Rooms = {
  /** A user's own events: their transactions and budgets. */
  user: (userId: string) => `user:${userId}`,
  /** The sockets of one sign-in (refresh-token family), closed together when it ends. */
  session: (familyId: string) => `session:${familyId}`,
  /** Admin streams: exceptions and alerts. */
  admins: 'admins',
  /** Admins who asked for the action log (`audit.subscribe`). */
  audit: 'admins:audit',
} as const;
