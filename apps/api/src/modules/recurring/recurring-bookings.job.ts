import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '../../common/context/request-context';
import { ClusterCron } from '../../common/jobs/cluster-cron.decorator';
import { UserContext } from '../../database/user-context';
import { TransactionsService } from '../transactions';
import { addDays, nextOccurrenceFrom, occurrencesBetween, todayOf } from './recurrence';
import { RecurringOccurrencesStore } from './recurring-occurrences.store';
import { RecurringRulesStore } from './recurring-rules.store';

export const RECURRING_BOOKINGS_JOB = 'recurring-bookings';

/**
 * Books the transactions of recurring rules' due occurrences: hourly, once across instances
 * (@ClusterCron). Each rule is handled in one database transaction as its owner: the rule is
 * locked, every occurrence from the first one not yet handled up to today that has no record
 * is booked (its transaction and its record together), and the rule's next due day moves past
 * today. After downtime the next run books every missed occurrence, each once; the unique
 * (rule, day) of the records refuses a second booking of the same occurrence even if two runs
 * overlapped. A rule that fails (e.g. its category was deleted) is logged and retried next run;
 * the others go on.
 */
@Injectable()
export class RecurringBookingsJob {
  private readonly logger = new Logger('Recurring');

  constructor(
    private readonly userContext: UserContext,
    private readonly requestContext: RequestContext,
    private readonly rules: RecurringRulesStore,
    private readonly occurrences: RecurringOccurrencesStore,
    private readonly transactions: TransactionsService,
  ) {}

  /** Hourly, at five past. */
  @ClusterCron('0 5 * * * *', RECURRING_BOOKINGS_JOB)
  async bookHourly(signal?: AbortSignal): Promise<void> {
    const booked = await this.bookDue(new Date(), signal);
    if (booked > 0) this.logger.log({ booked }, 'Recurring transactions booked');
  }

  /** Books every occurrence due by `now`'s day (UTC); answers how many transactions it booked. */
  bookDue(now: Date, signal?: AbortSignal): Promise<number> {
    return this.requestContext.runInTrace(async () => {
      const today = todayOf(now);
      const due = await this.userContext.runAsSystem((manager) => this.rules.dueBy(manager, today));
      let booked = 0;
      for (const rule of due) {
        signal?.throwIfAborted();
        try {
          booked += await this.bookRule(rule.id, rule.userId, today);
        } catch (error) {
          this.logger.error({ err: error, ruleId: rule.id }, 'Booking a recurring rule failed');
        }
      }
      return booked;
    });
  }

  private async bookRule(ruleId: string, userId: string, today: string): Promise<number> {
    const announcements = await this.userContext.runAs(userId, async (manager) => {
      const rule = await this.rules.one(manager, ruleId, true);
      // Another run may have handled it, or the user paused it, since it was found due.
      if (!rule || rule.paused || rule.nextDueOn === null || rule.nextDueOn > today) return [];
      const recorded = new Set(
        (await this.occurrences.recordedBetween(manager, [rule.id], rule.nextDueOn, today)).map(
          (occurrence) => occurrence.occursOn,
        ),
      );
      const booked: (() => Promise<void>)[] = [];
      for (const occursOn of occurrencesBetween(rule, rule.nextDueOn, today)) {
        if (recorded.has(occursOn)) continue;
        const { id, announce } = await this.transactions.createWithin(manager, {
          accountId: rule.accountId,
          categoryId: rule.categoryId,
          type: rule.type,
          amountCents: rule.amountCents,
          currency: rule.currency,
          description: rule.description ?? rule.name,
          occurredOn: occursOn,
        });
        await this.occurrences.recordCreated(manager, rule.id, occursOn, id);
        booked.push(announce);
      }
      await this.rules.setNextDue(manager, rule.id, nextOccurrenceFrom(rule, addDays(today, 1)));
      return booked;
    });
    // After commit: reactions (budgets, realtime) see only what was booked.
    for (const announce of announcements) await announce();
    return announcements.length;
  }
}
