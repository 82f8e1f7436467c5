import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountsService } from '../accounts';
import { GoalDto } from './dto/goal.dto';
import { GoalContributionsStore, ContributionSums } from './goal-contributions.store';
import { goalProgressOf, paceBaselineDay } from './goal-progress';
import { SavingsGoal, SavingsGoalsStore } from './savings-goals.store';

const NOTHING_SAVED: ContributionSums = { savedCents: '0', savedAtBaselineCents: '0' };

/**
 * Answers goals with their progress, on the caller's transaction: what each has saved today and
 * at the pace baseline — the linked accounts' balances (two statements for every account, one
 * per day) and the manual goals' contributions (one statement) — then marks the goals newly
 * reached (one statement, only when there are some). A constant number of statements for any
 * number of goals.
 */
@Injectable()
export class GoalProgressReader {
  constructor(
    private readonly goals: SavingsGoalsStore,
    private readonly contributions: GoalContributionsStore,
    private readonly accounts: AccountsService,
  ) {}

  async answer(manager: EntityManager, goals: SavingsGoal[], today: string): Promise<GoalDto[]> {
    const savings = await this.savingsOf(manager, goals, today);
    const answers = goals.map((goal) => {
      const progress = goalProgressOf(goal, savings.get(goal.id) ?? NOTHING_SAVED, today);
      const reachedOn = goal.reachedOn ?? (progress.reached ? today : null);
      return { goal: { ...goal, reachedOn }, progress, newlyReached: reachedOn !== goal.reachedOn };
    });
    const newlyReached = answers.filter((answer) => answer.newlyReached);
    if (newlyReached.length > 0) {
      await this.goals.markReached(
        manager,
        newlyReached.map(({ goal }) => goal.id),
        today,
      );
    }
    return answers.map(({ goal, progress }) => ({
      ...goal,
      progress: {
        savedCents: progress.savedCents,
        remainingCents: progress.remainingCents,
        percent: progress.percent,
        neededPerMonthCents: progress.neededPerMonthCents,
        paceCents: progress.paceCents,
        projectedMonth: progress.projectedMonth,
        reached: goal.reachedOn !== null,
      },
    }));
  }

  /** Each goal's savings today and at the pace baseline, by goal ID. */
  private async savingsOf(
    manager: EntityManager,
    goals: SavingsGoal[],
    today: string,
  ): Promise<Map<string, ContributionSums>> {
    const baseline = paceBaselineDay(today);
    const manual = goals.filter((goal) => goal.accountId === null).map((goal) => goal.id);
    const accountIds = [
      ...new Set(goals.flatMap((goal) => (goal.accountId === null ? [] : [goal.accountId]))),
    ];
    const sums =
      manual.length > 0
        ? await this.contributions.sums(manager, manual, today, baseline)
        : new Map<string, ContributionSums>();
    const balancesToday = await this.accounts.balancesWithin(manager, accountIds, today);
    const balancesThen = await this.accounts.balancesWithin(manager, accountIds, baseline);
    const savings = new Map(sums);
    for (const goal of goals) {
      if (goal.accountId === null) continue;
      savings.set(goal.id, {
        savedCents: (balancesToday.get(goal.accountId)?.cents ?? 0n).toString(),
        savedAtBaselineCents: (balancesThen.get(goal.accountId)?.cents ?? 0n).toString(),
      });
    }
    return savings;
  }
}
