/** Where a page ends: the time (microseconds, as PostgreSQL prints it) and ID of its last line. */
export interface LogCursor {
  loggedAt: string;
  id: string;
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const ID = /^\d{1,19}$/;

export function encodeCursor(cursor: LogCursor): string {
  return Buffer.from(JSON.stringify([cursor.loggedAt, cursor.id])).toString('base64url');
}

/** The cursor a client sent back, or undefined when it is not one of ours. */
export function decodeCursor(text: string): LogCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [loggedAt, id] = value as unknown[];
    if (typeof loggedAt !== 'string' || !TIME.test(loggedAt)) return undefined;
    if (typeof id !== 'string' || !ID.test(id)) return undefined;
    return { loggedAt, id };
  } catch {
    return undefined;
  }
}
