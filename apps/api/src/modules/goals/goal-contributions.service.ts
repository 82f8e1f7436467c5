import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ConflictError,
  InvalidRequestError,
  NotFoundError,
} from '../../common/errors/domain-errors';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { UserContext } from '../../database/user-context';
import {
  ContributionDto,
  ContributionListDto,
  CreateContributionDto,
} from './dto/contribution.dto';
import { GoalContributionsStore } from './goal-contributions.store';
import { GoalsService } from './goals.service';

/**
 * Contributions to manual goals: money put aside (positive) or taken out (negative) on a day up
 * to today. A linked goal follows its account's balance and takes none (409).
 */
@Injectable()
export class GoalContributionsService {
  constructor(
    private readonly userContext: UserContext,
    private readonly goals: GoalsService,
    private readonly contributions: GoalContributionsStore,
  ) {}

  list(goalId: string, query: PaginationQueryDto): Promise<ContributionListDto> {
    return this.userContext.run(async (manager) => {
      await this.goals.find(manager, goalId);
      const { contributions, total } = await this.contributions.page(
        manager,
        goalId,
        query.limit,
        query.offset,
      );
      return { items: contributions, total, page: query.page, limit: query.limit };
    });
  }

  add(goalId: string, input: CreateContributionDto): Promise<ContributionDto> {
    return this.userContext.run((manager) => this.addWithin(manager, goalId, input));
  }

  /**
   * Adds a contribution inside the caller's open transaction and user context (the demo data),
   * then measures the goal, which marks it reached when this contribution got it there.
   */
  async addWithin(
    manager: EntityManager,
    goalId: string,
    input: CreateContributionDto,
  ): Promise<ContributionDto> {
    // Locked: contributions racing each other mark the goal reached once.
    const { goal, today } = await this.goals.findOnDay(manager, goalId, true);
    if (goal.accountId !== null) {
      throw new ConflictError(`Savings goal ${goalId} is linked to an account`, {
        amountCents: [
          "this goal follows its account's balance: contributions are for goals without an account",
        ],
      });
    }
    const contributedOn = input.contributedOn ?? today;
    if (contributedOn > today) {
      throw new InvalidRequestError('A contribution cannot be in the future', {
        contributedOn: [`contributedOn must be today (${today}) or earlier`],
      });
    }
    const contribution = await this.contributions.insert(manager, {
      goalId,
      amountCents: input.amountCents,
      contributedOn,
      note: input.note ?? null,
    });
    if (goal.reachedOn === null) await this.goals.measure(manager, goal, today);
    return contribution;
  }

  remove(goalId: string, id: string): Promise<void> {
    return this.userContext.run(async (manager) => {
      await this.goals.find(manager, goalId);
      if (!(await this.contributions.softDelete(manager, goalId, id))) {
        throw new NotFoundError(`Contribution ${id} of savings goal ${goalId} not found`);
      }
    });
  }
}
