import { Injectable } from '@nestjs/common';
import { RequestContext } from '../../../common/context/request-context';
import {
  AuthenticationError,
  FieldErrors,
  InvalidRequestError,
  NotFoundError,
} from '../../../common/errors/domain-errors';
import { UserContext } from '../../../database/user-context';
import { CreateSilenceDto, SilenceDto } from './dto/silence.dto';
import { regexProblem, Silence, SilenceState, silenceStateAt } from './silence-matcher';
import { SilencesStore } from './silences.store';

const ONE_MILLISECOND = 1;

const notFound = (id: string) =>
  new NotFoundError(`Silence ${id} not found`, { id: ['no silence with this ID'] });

function dtoOf(silence: Silence, now: Date): SilenceDto {
  return { ...silence, state: silenceStateAt(silence, now) };
}

/**
 * Silences (`alert_silences`): the admin API, and the active ones for notification (`activeAt`).
 * Expiring a silence ends it now; silences are never deleted, so their history stays.
 */
@Injectable()
export class SilencesService {
  constructor(
    private readonly store: SilencesStore,
    private readonly userContext: UserContext,
    private readonly requestContext: RequestContext,
  ) {}

  /** Newest first, at most 500; in one state, or all. */
  async list(state?: SilenceState): Promise<SilenceDto[]> {
    const now = new Date();
    const silences = await this.store.list(now, state);
    return silences.map((silence) => dtoOf(silence, now));
  }

  /** The silences active at `now` (`startsAt <= now < endsAt`). */
  activeAt(now: Date): Promise<Silence[]> {
    return this.store.activeAt(now);
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
      if (body.ruleId !== undefined && !(await this.store.ruleExists(manager, body.ruleId))) {
        add('ruleId', 'no alert rule with this ID');
      }
      if (Object.keys(problems).length > 0) {
        throw new InvalidRequestError('Validation failed', problems);
      }
      const silence = await this.store.insert(manager, {
        ruleId: body.ruleId ?? null,
        matchers,
        startsAt,
        endsAt,
        comment: body.comment,
        author,
      });
      return dtoOf(silence, new Date());
    });
  }

  /**
   * Ends a silence now (a pending one too: it never starts); one already expired is answered as
   * it is.
   */
  expire(id: string): Promise<SilenceDto> {
    return this.userContext.runAsAdmin(async (manager) => {
      const silence = await this.store.lock(manager, id);
      if (!silence) throw notFound(id);
      const now = new Date();
      if (silenceStateAt(silence, now) === 'expired') return dtoOf(silence, now);
      // A silence must end after it starts: one starting now or later is moved just before now.
      const startsAt =
        silence.startsAt < now ? silence.startsAt : new Date(now.getTime() - ONE_MILLISECOND);
      return dtoOf(await this.store.setTimes(manager, id, startsAt, now), now);
    });
  }
}
