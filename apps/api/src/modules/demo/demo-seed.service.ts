import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { lockUntilCommit } from '../../database/startup-locks';
import { UserContext } from '../../database/user-context';
import { Account, AccountsService } from '../accounts';
import { BudgetsService } from '../budgets';
import { CategoriesService, CategoryDto } from '../categories';
import { GoalsDemoSeeder } from '../goals';
import { RecurringService } from '../recurring';
import { TransactionsService, TransfersService } from '../transactions';
import { User, UsersService } from '../users';
import {
  DEMO_BUDGETS,
  DEMO_CATEGORIES,
  DEMO_LOGINS,
  DEMO_RECURRING_RULES,
  demoRecurringStart,
  demoTransactions,
} from './demo-data';
import { DEMO_ACCOUNTS, DEMO_TRANSFERS, demoTransferDays } from './demo-accounts';

const CURRENCY = 'EUR';

/** Fills an empty database with an admin and a user with a few months of finances. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly users: UsersService,
    private readonly accounts: AccountsService,
    private readonly categories: CategoriesService,
    private readonly transactions: TransactionsService,
    private readonly transfers: TransfersService,
    private readonly budgets: BudgetsService,
    private readonly recurring: RecurringService,
    private readonly goals: GoalsDemoSeeder,
    private readonly userContext: UserContext,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Seeds only when there are no users yet; answers whether it did. Instances starting together
   * take turns (an advisory lock held until the seeding commits), so the later ones find users.
   */
  async seedIfEmpty(today = new Date()): Promise<boolean> {
    if ((await this.users.count()) > 0) return false;
    // One transaction: a failure leaves no half-seeded database behind.
    const seeded = await this.dataSource.transaction(async (transaction) => {
      await lockUntilCommit(transaction, 'demo-seed');
      // Counted in this transaction, after the lock: another instance's seeding has committed.
      if ((await transaction.count(User)) > 0) return false;
      await this.users.create({ ...DEMO_LOGINS.admin, role: 'admin' }, transaction);
      const user = await this.users.create({ ...DEMO_LOGINS.user, role: 'user' }, transaction);
      await this.userContext.enter(transaction, user.id, (manager) =>
        this.seedFinances(manager, today),
      );
      return true;
    });
    if (seeded) this.logger.log('Seeded demo data');
    return seeded;
  }

  private async seedFinances(manager: EntityManager, today: Date): Promise<void> {
    const categories = await this.categories.createAll(
      manager,
      DEMO_CATEGORIES.map(({ name, kind, color }) => ({ name, kind, color })),
    );
    const byName = new Map(categories.map((category) => [category.name, category]));
    const history = demoTransactions(today);
    const openingDate = history.reduce(
      (first, { occurredOn }) => (occurredOn < first ? occurredOn : first),
      history[0]?.occurredOn ?? demoRecurringStart(today),
    );
    const accounts = [];
    for (const account of DEMO_ACCOUNTS) {
      accounts.push(
        await this.accounts.createWithin(manager, { ...account, currency: CURRENCY, openingDate }),
      );
    }
    const everyday = accounts[0] as Account;
    await this.transactions.importHistory(
      manager,
      history.map(({ category, ...rest }) => {
        const { id, kind } = byName.get(category) as CategoryDto;
        return { ...rest, accountId: everyday.id, categoryId: id, type: kind, currency: CURRENCY };
      }),
    );
    for (const { to, amountCents, day, description } of DEMO_TRANSFERS) {
      const toAccount = accounts.find(({ name }) => name === to) as Account;
      for (const occurredOn of demoTransferDays(openingDate, today, day)) {
        await this.transfers.createWithin(manager, {
          fromAccountId: everyday.id,
          toAccountId: toAccount.id,
          amountCents,
          occurredOn,
          description,
        });
      }
    }
    const startDate = `${today.getUTCFullYear()}-01-01`;
    await this.budgets.createOverHistory(
      manager,
      DEMO_BUDGETS.map(({ category, period, limitCents }) => ({
        categoryId: category ? (byName.get(category) as CategoryDto).id : null,
        period,
        limitCents,
        currency: CURRENCY,
        startDate,
      })),
    );
    for (const { name, category, amountCents, schedule } of DEMO_RECURRING_RULES) {
      await this.recurring.createWithin(manager, {
        accountId: everyday.id,
        name,
        categoryId: (byName.get(category) as CategoryDto).id,
        amountCents,
        currency: CURRENCY,
        frequency: 'monthly',
        startDate: demoRecurringStart(today),
        ...schedule,
      });
    }
    await this.goals.seedDemo(manager, today, CURRENCY);
  }
}
