import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidRequestError, NotFoundError } from '../../../common/errors/domain-errors';
import { resolveTimeRange } from '../../../common/http/time-range';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import { ExceptionGroupDetailDto } from '../dto/exception-group-detail.dto';
import { ExceptionGroupDto, ExceptionGroupRow, SPARKLINE_HOURS } from '../dto/exception-group.dto';
import {
  ExceptionOccurrenceDetailDto,
  ExceptionOccurrenceDto,
  ExceptionOccurrenceRow,
} from '../dto/exception-occurrence.dto';
import { ExceptionGroupQueryDto, ExceptionListQueryDto } from '../dto/exception-query.dto';

const HOUR_MS = 3_600_000;
/** The hourly chart of a group covers at most this many days. */
const MAX_CHART_DAYS = 90;

export const GROUP_COLUMNS = `g.id, g.fingerprint, g.title, g.type, g.culprit, g.level, g.source,
  g.status, g.regressed, g.regressed_at AS "regressedAt", g.count::text AS count,
  g.first_seen AS "firstSeen", g.last_seen AS "lastSeen",
  (SELECT count(*) FROM exception_group_users u WHERE u.group_id = g.id)::text AS "affectedUsers",
  g.resolution_notes AS "resolutionNotes", g.resolved_by AS "resolvedBy",
  g.resolved_at AS "resolvedAt", g.ignored_until AS "ignoredUntil",
  g.ignore_until_count::text AS "ignoreUntilCount",
  CASE WHEN g.ignore_until_count IS NOT NULL
    THEN GREATEST(g.count_at_ignore + g.ignore_until_count - g.count, 0)::text END
    AS "ignoreRemaining",
  g.status_changed_at AS "statusChangedAt"`;

const OCCURRENCE_COLUMNS = `e.id::text AS id, e.occurred_at AS "occurredAt", e.level, e.type,
  e.message, e.source, e.trace_id AS "traceId", e.user_id AS "userId",
  e.request_method AS "requestMethod", e.request_path AS "requestPath", e.release`;

const SORT_COLUMNS = { lastSeen: 'g.last_seen', firstSeen: 'g.first_seen', count: 'g.count' };

interface HourCount {
  hour: Date;
  count: string;
}

const startOfHour = (time: number) => Math.floor(time / HOUR_MS) * HOUR_MS;

/** The count of every clock hour from `start` (an hour's start) until `end`, oldest first. */
function everyHour(rows: HourCount[], start: number, end: number) {
  const counts = new Map(rows.map((row) => [new Date(row.hour).getTime(), Number(row.count)]));
  const hours: { hour: number; count: number }[] = [];
  for (let hour = start; hour < end; hour += HOUR_MS) {
    hours.push({ hour, count: counts.get(hour) ?? 0 });
  }
  return hours;
}

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Reads exception groups (filtered pages, one group with its occurrences and hourly chart).
 * Ignores whose time has passed end when groups are read, so every read sees them unresolved.
 */
@Injectable()
export class ExceptionGroupsService {
  constructor(private readonly dataSource: DataSource) {}

  async find(query: ExceptionListQueryDto): Promise<{ items: ExceptionGroupDto[]; total: number }> {
    await this.endExpiredIgnores();
    const conditions = new SqlConditions();
    if (query.source) conditions.and(`g.source = ${conditions.param(query.source)}`);
    if (query.type) conditions.and(`g.type = ${conditions.param(query.type)}`);
    if (query.status) conditions.and(`g.status = ${conditions.param(query.status)}`);
    if (query.q) {
      const q = conditions.param(likePattern(query.q));
      conditions.and(`(g.title ILIKE ${q} OR g.type ILIKE ${q} OR g.culprit ILIKE ${q})`);
    }
    if (query.from || query.to) {
      // Groups that occurred in the range, from their exact per-minute counts.
      const from = query.from && conditions.param(query.from);
      const to = query.to && conditions.param(query.to);
      const inRange = [
        from && `c.bucket_start >= date_trunc('minute', ${from}::timestamptz, 'UTC')`,
        to && `c.bucket_start < ${to}::timestamptz`,
      ].filter(Boolean);
      conditions.and(
        `EXISTS (SELECT 1 FROM exception_counts c
          WHERE c.group_id = g.id AND ${inRange.join(' AND ')})`,
      );
    }
    const where = conditions.where();
    const order = query.order === 'asc' ? 'ASC' : 'DESC';
    const filterParams = [...conditions.params];
    const offset = conditions.param(query.offset);
    const limit = conditions.param(query.limit);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${GROUP_COLUMNS} FROM exception_groups g ${where}
         ORDER BY ${SORT_COLUMNS[query.sort]} ${order}, g.id ${order}
         OFFSET ${offset} LIMIT ${limit}`,
        conditions.params,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM exception_groups g ${where}`,
        filterParams,
      ),
    ]);
    return { items: await this.withSparklines(rows), total };
  }

  async group(id: string): Promise<ExceptionGroupDto> {
    await this.endExpiredIgnores();
    const [row] = await this.dataSource.query(
      `SELECT ${GROUP_COLUMNS} FROM exception_groups g WHERE g.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError(`Exception group ${id} not found`);
    const [group] = await this.withSparklines([row]);
    return group;
  }

  /** The group, its latest occurrence with the stack, recent occurrences, and hourly counts. */
  async detail(id: string, query: ExceptionGroupQueryDto): Promise<ExceptionGroupDetailDto> {
    const range = resolveTimeRange(query, { defaultSpanMs: 24 * HOUR_MS, maxDays: MAX_CHART_DAYS });
    const group = await this.group(id);
    const [recent, [latest], [{ stored }], hourly] = await Promise.all([
      this.dataSource.query(
        `SELECT ${OCCURRENCE_COLUMNS} FROM app_exceptions e WHERE e.group_id = $1
         ORDER BY e.occurred_at DESC, e.id DESC LIMIT $2`,
        [id, query.recent],
      ),
      this.dataSource.query(
        `SELECT ${OCCURRENCE_COLUMNS}, e.stack, e.context FROM app_exceptions e
         WHERE e.group_id = $1 ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1`,
        [id],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS stored FROM app_exceptions WHERE group_id = $1`,
        [id],
      ),
      this.hourly(id, range.from, range.to),
    ]);
    return {
      group,
      latestOccurrence: latest ? ExceptionOccurrenceDetailDto.from(latest) : null,
      recentOccurrences: (recent as ExceptionOccurrenceRow[]).map(ExceptionOccurrenceDto.from),
      storedOccurrences: stored,
      hourly,
    };
  }

  async resolve(id: string, userId: string, notes: string | undefined): Promise<ExceptionGroupDto> {
    return this.update(
      id,
      `status = 'resolved', regressed = false, resolved_at = now(), resolved_by = $2,
       resolution_notes = $3`,
      [userId, notes ?? null],
    );
  }

  async unresolve(id: string): Promise<ExceptionGroupDto> {
    // An unresolved group keeps its regressed mark; a resolved or ignored one has none to keep.
    return this.update(
      id,
      `status = 'unresolved', regressed = (status = 'unresolved' AND regressed)`,
      [],
    );
  }

  /** Ignored until a time, until N more occurrences (whichever first), or until changed. */
  async ignore(id: string, until?: string, untilCount?: number): Promise<ExceptionGroupDto> {
    if (until !== undefined && new Date(until).getTime() <= Date.now()) {
      throw new InvalidRequestError('until must be in the future', {
        until: ['until must be in the future'],
      });
    }
    return this.update(
      id,
      `status = 'ignored', regressed = false, ignored_until = $2, ignore_until_count = $3,
       count_at_ignore = CASE WHEN $3::bigint IS NULL THEN NULL ELSE count END`,
      [until ?? null, untilCount ?? null],
      { keepsIgnore: true },
    );
  }

  /** Ends ignores whose time has passed; cheap (a partial index holds only timed ignores). */
  private async endExpiredIgnores(): Promise<void> {
    await this.dataSource.query(
      `UPDATE exception_groups SET status = 'unresolved', status_changed_at = now(),
         ignored_until = NULL, ignore_until_count = NULL, count_at_ignore = NULL
       WHERE status = 'ignored' AND ignored_until IS NOT NULL AND ignored_until <= now()`,
    );
  }

  /** Sets a status (leaving `ignored` clears its conditions), answering the group. */
  private async update(
    id: string,
    set: string,
    params: unknown[],
    { keepsIgnore = false } = {},
  ): Promise<ExceptionGroupDto> {
    const clearsIgnore = keepsIgnore
      ? ''
      : ', ignored_until = NULL, ignore_until_count = NULL, count_at_ignore = NULL';
    const [rows] = await this.dataSource.query(
      `UPDATE exception_groups SET ${set}${clearsIgnore}, status_changed_at = now()
       WHERE id = $1 RETURNING id`,
      [id, ...params],
    );
    if (rows.length === 0) throw new NotFoundError(`Exception group ${id} not found`);
    return this.group(id);
  }

  /**
   * The groups with their sparklines: the last 24 clock hours of every group counted in one
   * query, so a page costs the same whatever its size.
   */
  private async withSparklines(rows: ExceptionGroupRow[]): Promise<ExceptionGroupDto[]> {
    if (rows.length === 0) return [];
    const end = startOfHour(Date.now()) + HOUR_MS;
    const start = end - SPARKLINE_HOURS * HOUR_MS;
    const counts: (HourCount & { groupId: string })[] = await this.dataSource.query(
      `SELECT group_id AS "groupId", date_trunc('hour', bucket_start, 'UTC') AS hour,
         sum(count)::text AS count
       FROM exception_counts
       WHERE group_id = ANY($1::uuid[]) AND bucket_start >= $2 AND bucket_start < $3
       GROUP BY 1, 2`,
      [rows.map((row) => row.id), new Date(start).toISOString(), new Date(end).toISOString()],
    );
    // Node 20 has no Map.groupBy.
    const byGroup = new Map<string, HourCount[]>();
    for (const count of counts)
      byGroup.set(count.groupId, [...(byGroup.get(count.groupId) ?? []), count]);
    return rows.map((row) => {
      const sparkline = everyHour(byGroup.get(row.id) ?? [], start, end).map(({ count }) => count);
      return ExceptionGroupDto.from(row, sparkline);
    });
  }

  /** Occurrences per hour from the hour `from` falls in up to `to`, every hour present. */
  private async hourly(id: string, from: Date, to: Date) {
    const start = startOfHour(from.getTime());
    const rows: HourCount[] = await this.dataSource.query(
      `SELECT date_trunc('hour', bucket_start, 'UTC') AS hour, sum(count)::text AS count
       FROM exception_counts
       WHERE group_id = $1 AND bucket_start >= $2 AND bucket_start < $3
       GROUP BY 1`,
      [id, new Date(start).toISOString(), to.toISOString()],
    );
    const buckets = everyHour(rows, start, to.getTime()).map(({ hour, count }) => ({
      start: new Date(hour).toISOString(),
      count,
    }));
    const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    return { from: new Date(start).toISOString(), to: to.toISOString(), total, buckets };
  }
}
