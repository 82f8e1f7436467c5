import { withClient } from '../../../harness';

/** What the database holds for one user's `POST /api/v1/transactions` requests. */
export interface StoredCounts {
  /** Transaction rows among the IDs the load was answered with (201). */
  answeredRows: number;
  /** Action-log successes of those transactions. */
  answeredEvents: number;
  /** Stored request log lines (201) of those answers, found by trace ID. */
  answeredRequestLogs: number;
  /** Transaction rows of the user, answered or not. */
  rows: number;
  /** `transaction.create` successes of the user in the action log. */
  auditEvents: number;
  /** Stored request log lines of the user's 201s to `POST /api/v1/transactions`. */
  requestLogs: number;
}

/** Counts as the superuser (no Row-Level Security), after the API wrote what it had. */
export function storedCounts(
  databaseUrl: string,
  userId: string,
  answered: { ids: string[]; traceIds: string[] },
): Promise<StoredCounts> {
  return withClient(databaseUrl, async (client) => {
    const count = async (text: string, values: unknown[]) =>
      Number((await client.query<{ n: string }>(text, values)).rows[0].n);
    return {
      answeredRows: await count(
        `SELECT count(*) AS n FROM transactions WHERE id = ANY($1::uuid[])`,
        [answered.ids],
      ),
      answeredEvents: await count(
        `SELECT count(DISTINCT resource_id) AS n FROM audit_events
         WHERE action = 'transaction.create' AND result = 'success' AND resource_id = ANY($1)`,
        [answered.ids],
      ),
      answeredRequestLogs: await count(
        `SELECT count(DISTINCT trace_id) AS n FROM app_logs
         WHERE request_method = 'POST' AND request_path = '/api/v1/transactions'
           AND status_code = 201 AND trace_id = ANY($1)`,
        [answered.traceIds],
      ),
      rows: await count(`SELECT count(*) AS n FROM transactions WHERE user_id = $1`, [userId]),
      auditEvents: await count(
        `SELECT count(*) AS n FROM audit_events
         WHERE action = 'transaction.create' AND result = 'success' AND actor_id = $1`,
        [userId],
      ),
      requestLogs: await count(
        `SELECT count(*) AS n FROM app_logs
         WHERE request_method = 'POST' AND request_path = '/api/v1/transactions'
           AND status_code = 201 AND user_id = $1`,
        [userId],
      ),
    };
  });
}
