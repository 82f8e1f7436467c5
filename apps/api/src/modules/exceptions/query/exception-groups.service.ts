import { Injectable } from '@nestjs/common';
import { InvalidRequestError, NotFoundError } from '../../../common/errors/domain-errors';
import { resolveTimeRange } from '../../../common/http/time-range';
import { ExceptionGroupDetailDto } from '../dto/exception-group-detail.dto';
import { ExceptionGroupDto, SPARKLINE_HOURS } from '../dto/exception-group.dto';
import {
  ExceptionOccurrenceDetailDto,
  ExceptionOccurrenceDto,
} from '../dto/exception-occurrence.dto';
import { ExceptionGroupQueryDto, ExceptionListQueryDto } from '../dto/exception-query.dto';
import { ExceptionCountsStore, HourCountRow } from '../storage/exception-counts.store';
import { ExceptionGroupRow, ExceptionGroupsStore } from '../storage/exception-groups.store';
import { ExceptionOccurrencesStore } from '../storage/exception-occurrences.store';

const HOUR_MS = 3_600_000;
/** The hourly chart of a group covers at most this many days. */
const MAX_CHART_DAYS = 90;

const startOfHour = (time: number) => Math.floor(time / HOUR_MS) * HOUR_MS;

/** The count of every clock hour from `start` (an hour's start) until `end`, oldest first. */
function everyHour(rows: HourCountRow[], start: number, end: number) {
  const counts = new Map(rows.map((row) => [new Date(row.hour).getTime(), Number(row.count)]));
  const hours: { hour: number; count: number }[] = [];
  for (let hour = start; hour < end; hour += HOUR_MS) {
    hours.push({ hour, count: counts.get(hour) ?? 0 });
  }
  return hours;
}

/**
 * Reads exception groups (filtered pages, one group with its occurrences and hourly chart).
 * Ignores whose time has passed end when groups are read, so every read sees them unresolved.
 */
@Injectable()
export class ExceptionGroupsService {
  constructor(
    private readonly groups: ExceptionGroupsStore,
    private readonly occurrences: ExceptionOccurrencesStore,
    private readonly counts: ExceptionCountsStore,
  ) {}

  async find(query: ExceptionListQueryDto): Promise<{ items: ExceptionGroupDto[]; total: number }> {
    await this.groups.endExpiredIgnores();
    const { rows, total } = await this.groups.page(query);
    return { items: await this.withSparklines(rows), total };
  }

  async group(id: string): Promise<ExceptionGroupDto> {
    await this.groups.endExpiredIgnores();
    const row = await this.groups.find(id);
    if (!row) throw new NotFoundError(`Exception group ${id} not found`);
    const [group] = await this.withSparklines([row]);
    return group;
  }

  /** The group, its latest occurrence with the stack, recent occurrences, and hourly counts. */
  async detail(id: string, query: ExceptionGroupQueryDto): Promise<ExceptionGroupDetailDto> {
    const range = resolveTimeRange(query, { defaultSpanMs: 24 * HOUR_MS, maxDays: MAX_CHART_DAYS });
    const group = await this.group(id);
    const [recent, latest, stored, hourly] = await Promise.all([
      this.occurrences.recent(id, query.recent),
      this.occurrences.latest(id),
      this.occurrences.countStored(id),
      this.hourly(id, range.from, range.to),
    ]);
    return {
      group,
      latestOccurrence: latest ? ExceptionOccurrenceDetailDto.from(latest) : null,
      recentOccurrences: recent.map((row) => ExceptionOccurrenceDto.from(row)),
      storedOccurrences: stored,
      hourly,
    };
  }

  async resolve(id: string, userId: string, notes: string | undefined): Promise<ExceptionGroupDto> {
    return this.changed(id, await this.groups.resolve(id, userId, notes ?? null));
  }

  async unresolve(id: string): Promise<ExceptionGroupDto> {
    return this.changed(id, await this.groups.unresolve(id));
  }

  /** Ignored until a time, until N more occurrences (whichever first), or until changed. */
  async ignore(id: string, until?: string, untilCount?: number): Promise<ExceptionGroupDto> {
    if (until !== undefined && new Date(until).getTime() <= Date.now()) {
      throw new InvalidRequestError('until must be in the future', {
        until: ['until must be in the future'],
      });
    }
    return this.changed(id, await this.groups.ignore(id, until ?? null, untilCount ?? null));
  }

  /** The group after a status change, which found it or not. */
  private async changed(id: string, found: boolean): Promise<ExceptionGroupDto> {
    if (!found) throw new NotFoundError(`Exception group ${id} not found`);
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
    const counts = await this.counts.hourly(
      rows.map((row) => row.id),
      new Date(start),
      new Date(end),
    );
    // Node 20 has no Map.groupBy.
    const byGroup = new Map<string, HourCountRow[]>();
    for (const count of counts)
      byGroup.set(count.group_id, [...(byGroup.get(count.group_id) ?? []), count]);
    return rows.map((row) => {
      const sparkline = everyHour(byGroup.get(row.id) ?? [], start, end).map(({ count }) => count);
      return ExceptionGroupDto.from(row, sparkline);
    });
  }

  /** Occurrences per hour from the hour `from` falls in up to `to`, every hour present. */
  private async hourly(id: string, from: Date, to: Date) {
    const start = startOfHour(from.getTime());
    const rows = await this.counts.hourly([id], new Date(start), to);
    const buckets = everyHour(rows, start, to.getTime()).map(({ hour, count }) => ({
      start: new Date(hour).toISOString(),
      count,
    }));
    const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    return { from: new Date(start).toISOString(), to: to.toISOString(), total, buckets };
  }
}
