import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GoalDto } from './dto/goal.dto';
import { GoalContributionsService } from './goal-contributions.service';
import { addMonths } from './goal-progress';
import { GoalsService } from './goals.service';

/** What the demo user puts aside for their holiday each month. */
const MONTHLY_HOLIDAY_CENTS = 20_000;

/**
 * The demo user's "Holiday" goal: 1,500 by the end of the month six months on, fed by hand with
 * 200 on the 1st of this month and of the two before — so its progress, pace and projection show
 * figures from the first sign-in.
 */
@Injectable()
export class GoalsDemoSeeder {
  constructor(
    private readonly goals: GoalsService,
    private readonly contributions: GoalContributionsService,
  ) {}

  /** Inside the demo seeding's transaction, entered as the demo user; `today` is a UTC day. */
  async seedDemo(manager: EntityManager, today: Date, currency: string): Promise<GoalDto> {
    const day = today.toISOString().slice(0, 10);
    const firstOfMonth = `${day.slice(0, 8)}01`;
    const goal = await this.goals.createWithin(manager, {
      name: 'Holiday',
      targetCents: 150_000,
      currency,
      // The 31st clamps to the month's last day.
      targetDate: addMonths(`${day.slice(0, 8)}31`, 6),
      accountId: null,
    });
    for (const monthsBack of [2, 1, 0]) {
      await this.contributions.addWithin(manager, goal.id, {
        amountCents: MONTHLY_HOLIDAY_CENTS,
        contributedOn: addMonths(firstOfMonth, -monthsBack),
        note: 'Monthly holiday savings',
      });
    }
    return this.goals.answer(manager, goal.id);
  }
}
