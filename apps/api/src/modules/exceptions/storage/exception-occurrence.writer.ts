import { ExceptionLevel, LogSource } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../../config/app-config';
import { Occurrence } from '../capture/occurrence';
import { ExceptionCountsStore } from './exception-counts.store';
import { ExceptionGroupsStore, GroupDraft, UpsertedGroupRow } from './exception-groups.store';
import { ExceptionOccurrencesStore, OccurrenceDraft } from './exception-occurrences.store';

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

/** The start of the UTC minute of an ISO time, as ISO. */
function minuteOf(time: string): string {
  const date = new Date(time);
  date.setUTCSeconds(0, 0);
  return date.toISOString();
}

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
    private readonly groups: ExceptionGroupsStore,
    private readonly counts: ExceptionCountsStore,
    private readonly occurrences: ExceptionOccurrencesStore,
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
        await this.occurrences.insert(manager, kept);
      }
      return groups.map((row) => this.outcomeOf(row, byFingerprint.get(row.fingerprint) ?? []));
    });
  }

  private upsertGroups(
    manager: EntityManager,
    byFingerprint: Map<string, Occurrence[]>,
  ): Promise<UpsertedGroupRow[]> {
    const drafts = [...byFingerprint].map(([fingerprint, occurrences]): GroupDraft => {
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
    return this.groups.upsert(manager, drafts);
  }

  /**
   * Adds the batch to the per-minute counts, and picks the occurrences to store: in each
   * group's minute, those still under the sampling limit once the counts before them are known.
   */
  private async addCounts(
    manager: EntityManager,
    groups: UpsertedGroupRow[],
    byFingerprint: Map<string, Occurrence[]>,
  ): Promise<OccurrenceDraft[]> {
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
    const totals = await this.counts.add(
      manager,
      [...perMinute.values()].map(({ groupId, bucketStart, items }) => ({
        groupId,
        bucketStart,
        count: items.length,
      })),
    );
    const limit = this.config.EXCEPTION_SAMPLE_PER_MINUTE;
    return totals.flatMap((total) => {
      const bucket = perMinute.get(
        `${total.group_id} ${new Date(total.bucket_start).toISOString()}`,
      );
      if (!bucket) return [];
      const before = Number(total.count) - bucket.items.length;
      const room = Math.max(0, Math.min(bucket.items.length, limit - before));
      return bucket.items.slice(0, room).map((occurrence) => ({
        groupId: total.group_id,
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
    groups: UpsertedGroupRow[],
    byFingerprint: Map<string, Occurrence[]>,
  ): Promise<void> {
    const users = groups.flatMap((group) =>
      (byFingerprint.get(group.fingerprint) ?? []).flatMap((occurrence) =>
        occurrence.userId ? [{ groupId: group.id, userId: occurrence.userId }] : [],
      ),
    );
    if (users.length > 0) await this.groups.addUsers(manager, users);
  }

  private outcomeOf(row: UpsertedGroupRow, occurrences: Occurrence[]): GroupOutcome {
    const count = Number(row.count);
    // The regressing batch set count_at_regression to the first of its own counts; later
    // batches see a count beyond their own first, so exactly one batch reports the regression.
    const regressed =
      row.count_at_regression !== null &&
      Number(row.count_at_regression) === count - occurrences.length + 1;
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
      regressedAt: row.regressed_at ? new Date(row.regressed_at).toISOString() : null,
      traceId: occurrences.find((occurrence) => occurrence.traceId)?.traceId ?? null,
    };
  }
}
