import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/** One statement sent to PostgreSQL. */
export interface SentStatement {
  sql: string;
  params: unknown[];
}

/**
 * The statements `work` sends to PostgreSQL, in order, caught at the query runner every
 * statement passes through — without the action log's writes, whose background writer may flush
 * earlier requests' events meanwhile.
 */
export async function statementsSentBy(work: () => Promise<unknown>): Promise<SentStatement[]> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    await work();
    return spy.mock.calls
      .map(([sql, params]) => ({ sql, params: Array.isArray(params) ? params : [] }))
      .filter(({ sql }) => !sql.includes('INTO audit_events'));
  } finally {
    spy.mockRestore();
  }
}
