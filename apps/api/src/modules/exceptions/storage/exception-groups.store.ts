import type { ExceptionLevel, ExceptionStatus, LogSource } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlConditions } from '../../../common/sql/sql-conditions';
import type { ExceptionGroupsTable } from '../../../database/generated/db-tables';
import { execute, Narrowed, oneRowOf, Queryable, rowsOf } from '../../../database/typed-rows';
import type { ExceptionListQueryDto } from '../dto/exception-query.dto';
import { jsonParameter } from './json-parameter';

/** A group as the API shows it: its columns, its affected users and what is left of an ignore. */
export type ExceptionGroupRow = Narrowed<
  Pick<
    ExceptionGroupsTable,
    | 'id'
    | 'fingerprint'
    | 'title'
    | 'type'
    | 'culprit'
    | 'level'
    | 'source'
    | 'status'
    | 'regressed'
    | 'regressed_at'
    | 'count'
    | 'first_seen'
    | 'last_seen'
    | 'resolution_notes'
    | 'resolved_by'
    | 'resolved_at'
    | 'ignored_until'
    | 'ignore_until_count'
    | 'status_changed_at'
  >,
  { level: ExceptionLevel; source: LogSource; status: ExceptionStatus }
> & {
  /** Distinct users it happened to (a bigint count). */
  affected_users: string;
  /** Occurrences left before an ignore by count ends (a bigint), null without one. */
  ignore_remaining: string | null;
};

const GROUP_COLUMNS = `g.id, g.fingerprint, g.title, g.type, g.culprit, g.level, g.source,
  g.status, g.regressed, g.regressed_at, g.count, g.first_seen, g.last_seen,
  (SELECT count(*) FROM exception_group_users u WHERE u.group_id = g.id) AS affected_users,
  g.resolution_notes, g.resolved_by, g.resolved_at, g.ignored_until, g.ignore_until_count,
  CASE WHEN g.ignore_until_count IS NOT NULL
    THEN GREATEST(g.count_at_ignore + g.ignore_until_count - g.count, 0) END
    AS ignore_remaining,
  g.status_changed_at`;

const SORT_COLUMNS = { lastSeen: 'g.last_seen', firstSeen: 'g.first_seen', count: 'g.count' };

/** Leaving `ignored` clears its conditions. */
const CLEARS_IGNORE = 'ignored_until = NULL, ignore_until_count = NULL, count_at_ignore = NULL';

/** The groups a batch of occurrences adds to, one per fingerprint (`upsert`'s input). */
export interface GroupDraft {
  fingerprint: string;
  title: string;
  type: string;
  culprit: string | null;
  source: LogSource;
  level: ExceptionLevel;
  /** Occurrences of the batch. */
  count: number;
  /** ISO 8601. */
  firstSeen: string;
  lastSeen: string;
}

/** A group as a batch left it. */
export type UpsertedGroupRow = Narrowed<
  Pick<
    ExceptionGroupsTable,
    | 'id'
    | 'fingerprint'
    | 'count'
    | 'count_at_regression'
    | 'regressed_at'
    | 'title'
    | 'type'
    | 'culprit'
    | 'source'
    | 'level'
  >,
  { level: ExceptionLevel; source: LogSource }
> & {
  /** The batch made the group. */
  inserted: boolean;
};

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
  RETURNING g.id, g.fingerprint, (g.xmax = 0) AS inserted, g.count, g.count_at_regression,
    g.regressed_at, g.title, g.type, g.culprit, g.source, g.level`;

const ADD_USERS = `
  INSERT INTO exception_group_users (group_id, user_id)
  SELECT DISTINCT r."groupId", r."userId"
  FROM jsonb_to_recordset($1::jsonb) AS r("groupId" uuid, "userId" uuid)
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING`;

/** A count of groups. */
interface GroupTotal {
  total: number;
}

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** `exception_groups` (and `exception_group_users`, their affected users) in SQL. */
@Injectable()
export class ExceptionGroupsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of the groups matching the filters, and how many match in all. */
  async page(query: ExceptionListQueryDto): Promise<{ rows: ExceptionGroupRow[]; total: number }> {
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
      rowsOf<ExceptionGroupRow>(
        this.dataSource,
        `SELECT ${GROUP_COLUMNS} FROM exception_groups g ${where}
         ORDER BY ${SORT_COLUMNS[query.sort]} ${order}, g.id ${order}
         OFFSET ${offset} LIMIT ${limit}`,
        conditions.params,
      ),
      rowsOf<GroupTotal>(
        this.dataSource,
        `SELECT count(*)::int AS total FROM exception_groups g ${where}`,
        filterParams,
      ),
    ]);
    return { rows, total };
  }

  find(id: string): Promise<ExceptionGroupRow | undefined> {
    return oneRowOf<ExceptionGroupRow>(
      this.dataSource,
      `SELECT ${GROUP_COLUMNS} FROM exception_groups g WHERE g.id = $1`,
      [id],
    );
  }

  /** How many groups first occurred in the window (ISO `from` inclusive, `to` exclusive). */
  async countFirstSeen(from: string, to: string): Promise<number> {
    const [{ total }] = await rowsOf<GroupTotal>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM exception_groups WHERE first_seen >= $1 AND first_seen < $2`,
      [from, to],
    );
    return total;
  }

  /** Ends ignores whose time has passed; cheap (a partial index holds only timed ignores). */
  async endExpiredIgnores(): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE exception_groups SET status = 'unresolved', status_changed_at = now(), ${CLEARS_IGNORE}
       WHERE status = 'ignored' AND ignored_until IS NOT NULL AND ignored_until <= now()`,
    );
  }

  /** Resolved by `userId`; answers whether the group exists. */
  resolve(id: string, userId: string, notes: string | null): Promise<boolean> {
    return this.update(
      id,
      `status = 'resolved', regressed = false, resolved_at = now(), resolved_by = $2,
       resolution_notes = $3, ${CLEARS_IGNORE}`,
      [userId, notes],
    );
  }

  /** Unresolved; an unresolved group keeps its regressed mark, a resolved or ignored one has none. */
  unresolve(id: string): Promise<boolean> {
    return this.update(
      id,
      `status = 'unresolved', regressed = (status = 'unresolved' AND regressed), ${CLEARS_IGNORE}`,
      [],
    );
  }

  /** Ignored until a time, until `untilCount` more occurrences (whichever first), or until changed. */
  ignore(id: string, until: string | null, untilCount: number | null): Promise<boolean> {
    return this.update(
      id,
      `status = 'ignored', regressed = false, ignored_until = $2, ignore_until_count = $3,
       count_at_ignore = CASE WHEN $3::bigint IS NULL THEN NULL ELSE count END`,
      [until, untilCount],
    );
  }

  /** Adds a batch's occurrences to their groups (made when new), deciding status changes. */
  upsert(db: Queryable, groups: readonly GroupDraft[]): Promise<UpsertedGroupRow[]> {
    return rowsOf<UpsertedGroupRow>(db, UPSERT_GROUPS, [jsonParameter(groups)]);
  }

  /** Records that the users were affected by the groups. */
  async addUsers(db: Queryable, users: readonly { groupId: string; userId: string }[]) {
    await execute(db, ADD_USERS, [jsonParameter(users)]);
  }

  /** Sets a status (and its conditions); answers whether the group exists. */
  private async update(id: string, set: string, params: unknown[]): Promise<boolean> {
    const changed = await execute(
      this.dataSource,
      `UPDATE exception_groups SET ${set}, status_changed_at = now() WHERE id = $1`,
      [id, ...params],
    );
    return changed > 0;
  }
}
