import { ExceptionLevel, LogSource } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../../config/app-config';
import { Occurrence } from '../capture/occurrence';

/** What writing a batch did to one group: the `exception.new` / `exception.regressed` facts. */
export interface GroupOutcome {
  groupId: string;
  fingerprint: string;
  title: string;
  type: string;
  culprit: string | null;
  source: LogSource;
  level: ExceptionLevel;
  count: number;
  /** The group was made by this batch. */
  inserted: boolean;
  /** This batch reopened the group from resolved. */
  regressed: boolean;
  regressedAt: string | null;
  /** Trace ID of the batch's first occurrence of the group. */
  traceId: string | null;
}

interface GroupRow {
  id: string;
  fingerprint: string;
  inserted: boolean;
  count: string;
  countAtRegression: string | null;
  regressedAt: Date | null;
  title: string;
  type: string;
  culprit: string | null;
  source: LogSource;
  level: ExceptionLevel;
}

/** `\u0000` escapes not preceded by a backslash of their own: PostgreSQL text cannot hold U+0000. */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

function jsonParameter(rows: unknown[]): string {
  const json = JSON.stringify(rows);
  return json.includes('\\u0000') ? json.replace(NUL_ESCAPE, '$1') : json;
}

/** The start of the UTC minute of an ISO time, as ISO. */
function minuteOf(time: string): string {
  const date = new Date(time);
  date.setUTCSeconds(0, 0);
  return date.toISOString();
}

/** A resolved group occurring after its resolution regresses. */
const REGRESSES = `(g.status = 'resolved'
  AND EXCLUDED.last_seen > COALESCE(g.resolved_at, '-infinity'::timestamptz))`;
/** An ignored group returns once its time has passed or it has occurred N more times. */
const IGNORE_ENDS = `(g.status = 'ignored' AND (COALESCE(g.ignored_until <= now(), false)
  OR COALESCE(g.count + EXCLUDED.count >= g.count_at_ignore + g.ignore_until_count, false)))`;

const UPSERT_GROUPS = `
  INSERT INTO exception_groups AS g
    (fingerprint, title, type, culprit, level, source, count, first_seen, last_seen)
  SELECT r.fingerprint, r.title, r.type, r.culprit, r.level, r.source, r.count, r."firstSeen",
    r."lastSeen"
  FROM jsonb_to_recordset($1::jsonb) AS r(fingerprint varchar, title varchar, type varchar,
    culprit varchar, level varchar, source varchar, count bigint, "firstSeen" timestamptz,
    "lastSeen" timestamptz)
  ORDER BY r.fingerprint
  ON CONFLICT (fingerprint) DO UPDATE SET
    count = g.count + EXCLUDED.count,
    first_seen = LEAST(g.first_seen, EXCLUDED.first_seen),
    last_seen = GREATEST(g.last_seen, EXCLUDED.last_seen),
    level = CASE WHEN EXCLUDED.level = 'fatal' THEN 'fatal' ELSE g.level END,
    culprit = COALESCE(g.culprit, EXCLUDED.culprit),
    regressed = g.regressed OR ${REGRESSES},
    regressed_at = CASE WHEN ${REGRESSES} THEN EXCLUDED.last_seen ELSE g.regressed_at END,
    count_at_regression = CASE WHEN ${REGRESSES} THEN g.count + 1 ELSE g.count_at_regression END,
    status = CASE WHEN ${REGRESSES} OR ${IGNORE_ENDS} THEN 'unresolved' ELSE g.status END,
    status_changed_at = CASE WHEN ${REGRESSES} OR ${IGNORE_ENDS} THEN now()
      ELSE g.status_changed_at END,
    ignored_until = CASE WHEN ${IGNORE_ENDS} THEN NULL ELSE g.ignored_until END,
    ignore_until_count = CASE WHEN ${IGNORE_ENDS} THEN NULL ELSE g.ignore_until_count END,
    count_at_ignore = CASE WHEN ${IGNORE_ENDS} THEN NULL ELSE g.count_at_ignore END
  RETURNING g.id, g.fingerprint, (g.xmax = 0) AS inserted, g.count::text AS count,
    g.count_at_regression::text AS "countAtRegression", g.regressed_at AS "regressedAt",
    g.title, g.type, g.culprit, g.source, g.level`;

const ADD_COUNTS = `
  INSERT INTO exception_counts AS c (group_id, bucket_start, count)
  SELECT r."groupId", r."bucketStart", r.count
  FROM jsonb_to_recordset($1::jsonb) AS r("groupId" uuid, "bucketStart" timestamptz, count bigint)
  ORDER BY 1, 2
  ON CONFLICT (group_id, bucket_start) DO UPDATE SET count = c.count + EXCLUDED.count
  RETURNING c.group_id AS "groupId", c.bucket_start AS "bucketStart", c.count::text AS count`;

const ADD_USERS = `
  INSERT INTO exception_group_users (group_id, user_id)
  SELECT DISTINCT r."groupId", r."userId"
  FROM jsonb_to_recordset($1::jsonb) AS r("groupId" uuid, "userId" uuid)
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING`;

const INSERT_OCCURRENCES = `
  INSERT INTO app_exceptions (group_id, occurred_at, level, type, message, stack, source,
    trace_id, user_id, request_method, request_path, release, context)
  SELECT r."groupId", r."occurredAt", r.level, r.type, r.message, r.stack, r.source, r."traceId",
    r."userId", r."requestMethod", r."requestPath", r.release, r.context
  FROM jsonb_to_recordset($1::jsonb) AS r("groupId" uuid, "occurredAt" timestamptz,
    level varchar, type varchar, message text, stack text, source varchar, "traceId" varchar,
    "userId" uuid, "requestMethod" varchar, "requestPath" varchar, release varchar,
    context jsonb)`;

/**
 * Stores a batch of occurrences in one transaction, whole or not at all (so a retried batch never
 * counts twice): each group is upserted once with its number of occurrences in the batch, and
 * status changes (regression, end of an ignore) are decided in that same statement, under the
 * row's lock, so concurrent writers never race. Every occurrence adds to the exact per-minute
 * counts; only the first EXCEPTION_SAMPLE_PER_MINUTE of a group's minute are stored as rows.
 */
@Injectable()
export class ExceptionOccurrenceWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async write(batch: readonly Occurrence[]): Promise<GroupOutcome[]> {
    if (batch.length === 0) return [];
    const byFingerprint = new Map<string, Occurrence[]>();
    for (const occurrence of batch) {
      const same = byFingerprint.get(occurrence.fingerprint);
      if (same) same.push(occurrence);
      else byFingerprint.set(occurrence.fingerprint, [occurrence]);
    }
    return this.dataSource.transaction(async (manager) => {
      const groups = await this.upsertGroups(manager, byFingerprint);
      const kept = await this.addCounts(manager, groups, byFingerprint);
      await this.addUsers(manager, groups, byFingerprint);
      if (kept.length > 0) {
        await manager.query(INSERT_OCCURRENCES, [jsonParameter(kept)]);
      }
      return groups.map((row) => this.outcomeOf(row, byFingerprint.get(row.fingerprint) ?? []));
    });
  }

  private upsertGroups(
    manager: EntityManager,
    byFingerprint: Map<string, Occurrence[]>,
  ): Promise<GroupRow[]> {
    const rows = [...byFingerprint].map(([fingerprint, occurrences]) => {
      const [first] = occurrences;
      const times = occurrences.map((occurrence) => occurrence.occurredAt).sort();
      return {
        fingerprint,
        title: first.title,
        type: first.type,
        culprit: first.culprit,
        source: first.source,
        level: occurrences.some((occurrence) => occurrence.level === 'fatal') ? 'fatal' : 'error',
        count: occurrences.length,
        firstSeen: times[0],
        lastSeen: times[times.length - 1],
      };
    });
    return manager.query(UPSERT_GROUPS, [jsonParameter(rows)]);
  }

  /**
   * Adds the batch to the per-minute counts, and picks the occurrences to store: in each
   * group's minute, those still under the sampling limit once the counts before them are known.
   */
  private async addCounts(
    manager: EntityManager,
    groups: GroupRow[],
    byFingerprint: Map<string, Occurrence[]>,
  ): Promise<Record<string, unknown>[]> {
    const perMinute = new Map<
      string,
      { groupId: string; bucketStart: string; items: Occurrence[] }
    >();
    for (const group of groups) {
      for (const occurrence of byFingerprint.get(group.fingerprint) ?? []) {
        const bucketStart = minuteOf(occurrence.occurredAt);
        const key = `${group.id} ${bucketStart}`;
        const bucket = perMinute.get(key) ?? { groupId: group.id, bucketStart, items: [] };
        bucket.items.push(occurrence);
        perMinute.set(key, bucket);
      }
    }
    const totals: { groupId: string; bucketStart: Date; count: string }[] = await manager.query(
      ADD_COUNTS,
      [
        jsonParameter(
          [...perMinute.values()].map(({ groupId, bucketStart, items }) => ({
            groupId,
            bucketStart,
            count: items.length,
          })),
        ),
      ],
    );
    const limit = this.config.EXCEPTION_SAMPLE_PER_MINUTE;
    return totals.flatMap((total) => {
      const bucket = perMinute.get(`${total.groupId} ${new Date(total.bucketStart).toISOString()}`);
      if (!bucket) return [];
      const before = Number(total.count) - bucket.items.length;
      const room = Math.max(0, Math.min(bucket.items.length, limit - before));
      return bucket.items.slice(0, room).map((occurrence) => ({
        groupId: total.groupId,
        occurredAt: occurrence.occurredAt,
        level: occurrence.level,
        type: occurrence.type,
        message: occurrence.message,
        stack: occurrence.stack,
        source: occurrence.source,
        traceId: occurrence.traceId,
        userId: occurrence.userId,
        requestMethod: occurrence.requestMethod,
        requestPath: occurrence.requestPath,
        release: occurrence.release,
        context: occurrence.context,
      }));
    });
  }

  private async addUsers(
    manager: EntityManager,
    groups: GroupRow[],
    byFingerprint: Map<string, Occurrence[]>,
  ): Promise<void> {
    const rows = groups.flatMap((group) =>
      (byFingerprint.get(group.fingerprint) ?? []).flatMap((occurrence) =>
        occurrence.userId ? [{ groupId: group.id, userId: occurrence.userId }] : [],
      ),
    );
    if (rows.length > 0) await manager.query(ADD_USERS, [jsonParameter(rows)]);
  }

  private outcomeOf(row: GroupRow, occurrences: Occurrence[]): GroupOutcome {
    const count = Number(row.count);
    // The regressing batch set count_at_regression to the first of its own counts; later
    // batches see a count beyond their own first, so exactly one batch reports the regression.
    const regressed =
      row.countAtRegression !== null &&
      Number(row.countAtRegression) === count - occurrences.length + 1;
    return {
      groupId: row.id,
      fingerprint: row.fingerprint,
      title: row.title,
      type: row.type,
      culprit: row.culprit,
      source: row.source,
      level: row.level,
      count,
      inserted: row.inserted,
      regressed,
      regressedAt: row.regressedAt ? new Date(row.regressedAt).toISOString() : null,
      traceId: occurrences.find((occurrence) => occurrence.traceId)?.traceId ?? null,
    };
  }
}
