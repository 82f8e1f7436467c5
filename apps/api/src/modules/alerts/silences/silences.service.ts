import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../../../common/context/request-context';
import {
  AuthenticationError,
  FieldErrors,
  InvalidRequestError,
  NotFoundError,
} from '../../../common/errors/domain-errors';
import { UserContext } from '../../../database/user-context';
import { CreateSilenceDto, SilenceDto } from './dto/silence.dto';
import {
  regexProblem,
  Silence,
  SilenceMatcher,
  SilenceState,
  silenceStateAt,
} from './silence-matcher';

/** The most silences a list shows. */
export const MAX_SILENCES_LISTED = 500;
const ONE_MILLISECOND = 1;

/** A row of `alert_silences`. Plain SQL: its rule's table has no entity to relate to. */
interface SilenceRow {
  id: string;
  rule_id: string | null;
  matchers: SilenceMatcher[];
  starts_at: Date;
  ends_at: Date;
  comment: string;
  author: string;
  created_at: Date;
}

const COLUMNS = 'id, rule_id, matchers, starts_at, ends_at, comment, author, created_at';

const notFound = (id: string) =>
  new NotFoundError(`Silence ${id} not found`, { id: ['no silence with this ID'] });

function silenceOf(row: SilenceRow): Silence {
  return {
    id: row.id,
    ruleId: row.rule_id,
    matchers: row.matchers,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    comment: row.comment,
    author: row.author,
    createdAt: row.created_at,
  };
}

function dtoOf(row: SilenceRow, now: Date): SilenceDto {
  const silence = silenceOf(row);
  return { ...silence, state: silenceStateAt(silence, now) };
}

/** The condition on rows in `state` at `$1` (now). */
const IN_STATE: Record<SilenceState, string> = {
  pending: 'starts_at > $1',
  active: 'starts_at <= $1 AND ends_at > $1',
  expired: 'ends_at <= $1',
};

/**
 * Silences (`alert_silences`): the admin API, and the active ones for notification (`activeAt`).
 * Expiring a silence ends it now; silences are never deleted, so their history stays.
 */
@Injectable()
export class SilencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly userContext: UserContext,
    private readonly requestContext: RequestContext,
  ) {}

  /** Newest first, at most 500; in one state, or all. */
  async list(state?: SilenceState): Promise<SilenceDto[]> {
    const now = new Date();
    const rows: SilenceRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM alert_silences
       WHERE deleted_at IS NULL ${state ? `AND ${IN_STATE[state]}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${MAX_SILENCES_LISTED}`,
      state ? [now] : [],
    );
    return rows.map((row) => dtoOf(row, now));
  }

  /** The silences active at `now` (`startsAt <= now < endsAt`). */
  async activeAt(now: Date): Promise<Silence[]> {
    const rows: SilenceRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM alert_silences
       WHERE deleted_at IS NULL AND ${IN_STATE.active} ORDER BY created_at, id`,
      [now],
    );
    return rows.map(silenceOf);
  }

  async create(body: CreateSilenceDto): Promise<SilenceDto> {
    const author = this.requestContext.actor?.email;
    if (!author) throw new AuthenticationError('This needs a signed-in user');
    const now = new Date();
    const requestedStart = body.startsAt === undefined ? now : new Date(body.startsAt);
    // Like Alertmanager: a start in the past is now, so history says when it really began.
    const startsAt = requestedStart < now ? now : requestedStart;
    const endsAt = new Date(body.endsAt);
    const matchers = body.matchers ?? [];
    const problems: FieldErrors = {};
    const add = (field: string, message: string) => (problems[field] ??= []).push(message);
    if (body.ruleId === undefined && matchers.length === 0) {
      add(
        'matchers',
        'give a ruleId, at least one matcher, or both: a silence without either would mute every alert',
      );
    }
    matchers.forEach((matcher, index) => {
      if (matcher.operator !== '=~' && matcher.operator !== '!~') return;
      const problem = regexProblem(matcher.value);
      if (problem) add(`matchers.${index}.value`, `value of matcher ${index + 1}: ${problem}`);
    });
    if (endsAt <= now) add('endsAt', 'endsAt must be in the future');
    else if (endsAt <= startsAt) add('endsAt', 'endsAt must be after startsAt');
    return this.userContext.runAsAdmin(async (manager) => {
      if (body.ruleId !== undefined) {
        const [rule] = await manager.query(
          `SELECT 1 FROM alert_configs WHERE id = $1 AND deleted_at IS NULL`,
          [body.ruleId],
        );
        if (!rule) add('ruleId', 'no alert rule with this ID');
      }
      if (Object.keys(problems).length > 0) {
        throw new InvalidRequestError('Validation failed', problems);
      }
      const [row]: SilenceRow[] = await manager.query(
        `INSERT INTO alert_silences (rule_id, matchers, starts_at, ends_at, comment, author)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [
          body.ruleId ?? null,
          JSON.stringify(
            matchers.map(({ label, operator, value }) => ({ label, operator, value })),
          ),
          startsAt,
          endsAt,
          body.comment,
          author,
        ],
      );
      return dtoOf(row, new Date());
    });
  }

  /**
   * Ends a silence now (a pending one too: it never starts); one already expired is answered as
   * it is.
   */
  expire(id: string): Promise<SilenceDto> {
    return this.userContext.runAsAdmin(async (manager) => {
      const [row]: SilenceRow[] = await manager.query(
        `SELECT ${COLUMNS} FROM alert_silences WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [id],
      );
      if (!row) throw notFound(id);
      const now = new Date();
      if (silenceStateAt(silenceOf(row), now) === 'expired') return dtoOf(row, now);
      // A silence must end after it starts: one starting now or later is moved just before now.
      const startsAt =
        row.starts_at < now ? row.starts_at : new Date(now.getTime() - ONE_MILLISECOND);
      return dtoOf(await this.update(manager, id, startsAt, now), now);
    });
  }

  private async update(
    manager: EntityManager,
    id: string,
    startsAt: Date,
    endsAt: Date,
  ): Promise<SilenceRow> {
    const [rows]: [SilenceRow[], number] = await manager.query(
      `UPDATE alert_silences SET starts_at = $2, ends_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, startsAt, endsAt],
    );
    return rows[0];
  }
}
