import type { DataSource } from 'typeorm';

/** The columns of `app_logs` a log record fills, in the order COPY and the generator write them. */
export const COPY_COLUMNS =
  'logged_at, level, severity_number, source, module, message, trace_id, user_id, ' +
  'request_method, request_path, status_code, duration_ms, extra_data, client_id';

export const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Makes the day partitions of `app_logs` from `fromDay` to `toDay` (`YYYY-MM-DD`). */
export async function ensurePartitions(
  db: DataSource,
  fromDay: string,
  toDay: string,
): Promise<void> {
  await db.query(
    `SELECT app_logs_ensure_partition(day::date)
     FROM generate_series($1::date, $2::date, interval '1 day') AS day`,
    [fromDay, toDay],
  );
}
