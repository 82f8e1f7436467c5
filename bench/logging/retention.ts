import type { DataSource } from 'typeorm';
import { timed } from '../support/latency';
import { ensurePartitions, utcDay } from './app-logs';
import { generateRows } from './generated-rows';
import { DAY_MS, format, RETENTION_ROWS, ROWS } from './settings';

/** 3. Retention: `DROP TABLE` of one day partition vs `DELETE` of an identical day's rows. */

export async function retention(db: DataSource) {
  console.log(`\n3. Retention: two days of ${format(RETENTION_ROWS)} rows each`);
  const today = Date.parse(`${utcDay(Date.now())}T00:00:00Z`);
  const [dropped, deleted] = [40, 41].map((back) => {
    const start = today - back * DAY_MS;
    const day = utcDay(start);
    return { day, start, partition: `app_logs_p${day.replace(/-/g, '')}` };
  });
  for (const [n, day] of [dropped, deleted].entries()) {
    await ensurePartitions(db, day.day, day.day);
    const first = ROWS + 1 + n * RETENTION_ROWS;
    await generateRows(
      db,
      first,
      first + RETENTION_ROWS - 1,
      new Date(day.start),
      DAY_MS / RETENTION_ROWS,
    );
    await db.query(`VACUUM (ANALYZE) "${day.partition}"`);
  }
  const sizes = await Promise.all(
    [dropped, deleted].map(async (day) => {
      const [size] = (await db.query(
        `SELECT (SELECT count(*)::int FROM "${day.partition}") AS rows,
         pg_total_relation_size('"${day.partition}"') AS bytes`,
      )) as [{ rows: number; bytes: string }];
      return size;
    }),
  );

  await db.query('CHECKPOINT');
  const drop = await timed(() => db.query(`DROP TABLE "${dropped.partition}"`));
  await db.query('CHECKPOINT');
  const remove = await timed(() =>
    db.query(`DELETE FROM app_logs WHERE logged_at >= $1 AND logged_at < $2`, [
      new Date(deleted.start).toISOString(),
      new Date(deleted.start + DAY_MS).toISOString(),
    ]),
  );
  const vacuum = await timed(() => db.query(`VACUUM "${deleted.partition}"`));
  const [{ left }] = (await db.query(
    `SELECT count(*)::int AS left FROM "${deleted.partition}"`,
  )) as [{ left: number }];
  if (left !== 0) throw new Error(`DELETE left ${left} rows`);
  console.log(
    `   DROP TABLE ${dropped.partition}: ${format(drop.ms, 1)} ms; DELETE of ${deleted.day}: ` +
      `${format(remove.ms, 0)} ms (+ VACUUM ${format(vacuum.ms, 0)} ms)`,
  );
  return {
    rowsPerDay: sizes[0].rows,
    megabytesPerDay: Math.round(Number(sizes[0].bytes) / 1024 ** 2),
    dropPartitionMs: Number(drop.ms.toFixed(1)),
    deleteMs: Number(remove.ms.toFixed(1)),
    vacuumAfterDeleteMs: Number(vacuum.ms.toFixed(1)),
    deleteOverDrop: Number((remove.ms / drop.ms).toFixed(1)),
  };
}
