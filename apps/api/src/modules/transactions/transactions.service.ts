import {
  DomainEvent,
  DomainEventName,
  LedgerType,
  TRANSACTION_TYPES,
  TransactionType,
} from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { BusinessRuleError, NotFoundError } from '../../common/errors/domain-errors';
import { Page } from '../../common/http/pagination.dto';
import { ownsRow } from '../../database/live-rows';
import { UserContext } from '../../database/user-context';
import { AccountsService } from '../accounts';
import { CategoriesService, Category } from '../categories';
import { CategoriesInUseDto, CategoryInUseDto } from './dto/categories-in-use.dto';
import {
  CreateTransactionDto,
  ListTransactionsQueryDto,
  TransactionDto,
  UpdateTransactionDto,
} from './dto/transaction.dto';
import { Transaction } from './transaction.entity';
import { TransactionEvents } from './transaction-events';
import { transferChangesOf } from './transfer-changes';
import { TransfersService } from './transfers.service';
import { TRANSACTION_SAVED, TransactionSaved } from './transaction-saved';
import { assertAmountRange, whereTransactionsMatch } from './transaction-filters';
import { NewTransaction, TransactionsStore } from './transactions.store';

/** A transaction of a user's history: its category and type already resolved. */
export type PastTransaction = Pick<
  CreateTransactionDto,
  'amountCents' | 'currency' | 'description' | 'occurredOn'
> & { accountId: string; categoryId: string; type: TransactionType };

/** Whether a row is income or spending the user entered (not a transfer's side, not an adjustment). */
function isEntry(type: LedgerType): type is TransactionType {
  return (TRANSACTION_TYPES as readonly string[]).includes(type);
}

const LEDGER_TYPE_NAMES: Record<LedgerType, string> = {
  expense: 'an expense',
  income: 'an income',
  transfer_out: 'a transfer',
  transfer_in: 'a transfer',
  adjustment_out: 'a reconciliation adjustment',
  adjustment_in: 'a reconciliation adjustment',
};

const SORT_COLUMNS = {
  occurredOn: 'transaction.occurredOn',
  amountCents: 'transaction.amountCents',
  createdAt: 'transaction.createdAt',
  description: 'transaction.description',
} as const;

@Injectable()
export class TransactionsService {
  private readonly logger = new Logger(TransactionsService.name);

  constructor(
    private readonly userContext: UserContext,
    private readonly categories: CategoriesService,
    private readonly accounts: AccountsService,
    private readonly store: TransactionsStore,
    private readonly events: EventEmitter2,
    private readonly transactionEvents: TransactionEvents,
    private readonly transfers: TransfersService,
  ) {}

  list(query: ListTransactionsQueryDto): Promise<Page<TransactionDto>> {
    assertAmountRange(query);
    return this.userContext.run(async (manager) => {
      const builder = whereTransactionsMatch(this.withCategory(manager), query)
        .orderBy(SORT_COLUMNS[query.sort], query.order === 'asc' ? 'ASC' : 'DESC')
        .addOrderBy('transaction.id', 'ASC')
        .offset(query.offset)
        .limit(query.limit);
      const rows = await builder.getMany();
      // A page with rows that is not full is the last one: it tells the total without a count.
      const isLast = rows.length < query.limit && (rows.length > 0 || query.offset === 0);
      const total = isLast ? query.offset + rows.length : await builder.getCount();
      return { items: rows.map(TransactionDto.from), total, page: query.page, limit: query.limit };
    });
  }

  /**
   * The categories live transactions use, deleted ones included: a list filtered by one of
   * those still finds its transactions, so the filter must still offer it.
   */
  categoriesInUse(): Promise<CategoriesInUseDto> {
    return this.userContext.run(async (manager) => {
      const used = await manager
        .createQueryBuilder(Transaction, 'transaction')
        .select('DISTINCT transaction.categoryId', 'categoryId')
        .where('transaction.categoryId IS NOT NULL')
        .getRawMany<Pick<Transaction, 'categoryId'>>();
      const categories = await this.categories.findWithDeleted(
        manager,
        used.flatMap(({ categoryId }) => (categoryId ? [categoryId] : [])),
      );
      return { items: categories.map(CategoryInUseDto.from) };
    });
  }

  get(id: string): Promise<TransactionDto> {
    return this.userContext.run(async (manager) =>
      TransactionDto.from(await this.find(manager, id)),
    );
  }

  /** Whether the signed-in user owns transaction `id`, deleted or not (its history's access). */
  owns(id: string): Promise<boolean> {
    return this.userContext.run((manager) => ownsRow(manager, Transaction, id));
  }

  async create(input: CreateTransactionDto): Promise<TransactionDto> {
    const created = await this.save(DomainEvent.TransactionCreated, (manager) =>
      this.insert(manager, input),
    );
    return TransactionDto.from(created);
  }

  async update(id: string, changes: UpdateTransactionDto): Promise<TransactionDto> {
    const updated = await this.save(DomainEvent.TransactionUpdated, async (manager) => {
      const current = await this.find(manager, id);
      if (current.transferId) {
        await this.transfers.updateWithin(
          manager,
          current.transferId,
          transferChangesOf(current, changes),
        );
        return this.find(manager, id);
      }
      if (!isEntry(current.type)) {
        throw new BusinessRuleError(`This is ${LEDGER_TYPE_NAMES[current.type]}`, {
          type: [`${LEDGER_TYPE_NAMES[current.type]} cannot be edited as income or spending`],
        });
      }
      const keepsCategory =
        changes.categoryId === undefined || changes.categoryId === current.categoryId;
      const categoryId = keepsCategory ? current.categoryId : (changes.categoryId ?? null);
      // Same category, same type: nothing to look up. The category may since have been deleted
      // or changed its kind; the transaction keeps what it was given.
      const type =
        keepsCategory && (changes.type === undefined || changes.type === current.type)
          ? current.type
          : await this.resolveType(
              manager,
              categoryId,
              changes.type ?? (keepsCategory ? current.type : undefined),
            );
      const movesAccount = changes.accountId !== undefined || changes.currency !== undefined;
      const accountId = movesAccount
        ? (
            await this.accounts.entryAccountWithin(
              manager,
              // A new currency without a named account: the default account of that currency.
              changes.accountId ??
                (changes.currency === current.currency ? current.accountId : undefined),
              changes.currency ?? current.currency,
            )
          ).id
        : current.accountId;
      await manager.update(Transaction, { id }, { ...changes, accountId, categoryId, type });
      return this.find(manager, id);
    });
    return TransactionDto.from(updated);
  }

  async remove(id: string): Promise<void> {
    const removed = await this.userContext.run(async (manager) => {
      const transaction = await this.find(manager, id);
      // A transfer's rows go together.
      if (transaction.transferId) {
        const { out, in: into } = await this.transfers.removeWithin(
          manager,
          transaction.transferId,
        );
        return [out, into];
      }
      await manager.softDelete(Transaction, { id });
      return [transaction];
    });
    await this.transactionEvents.publish(DomainEvent.TransactionDeleted, ...removed);
  }

  /**
   * A user's past transactions at once, inside the caller's open transaction and user context
   * (the demo data): each names its category and type, and no reaction is announced.
   */
  async importHistory(manager: EntityManager, history: PastTransaction[]): Promise<void> {
    await manager.insert(Transaction, history);
  }

  /** Inserts `input` with its type resolved from its category, and answers it with that category. */
  private async insert(manager: EntityManager, input: CreateTransactionDto): Promise<Transaction> {
    const categoryId = input.categoryId ?? null;
    const { type, category } = await this.resolveCategory(manager, categoryId, input.type);
    const entry: NewTransaction = {
      accountId: input.accountId,
      categoryId,
      type,
      amountCents: input.amountCents,
      currency: input.currency,
      description: input.description,
      occurredOn: input.occurredOn,
      notes: input.notes ?? null,
    };
    // The insert answers the row; the category was just read: no second read of either. Only
    // when the insert finds no account to book to is the account looked at: to say why, or to
    // open the user's first account in the currency.
    const inserted =
      (await this.store.insert(manager, entry)) ??
      (await this.store.insert(manager, {
        ...entry,
        accountId: (
          await this.accounts.entryAccountWithin(manager, input.accountId, input.currency)
        ).id,
      }));
    if (!inserted) throw new Error('The account found for the transaction did not take it');
    inserted.category = category;
    return inserted;
  }

  /** The type follows the category's kind; without a category the caller must say it. */
  private async resolveType(
    manager: EntityManager,
    categoryId: string | null,
    requested: TransactionType | undefined,
  ): Promise<TransactionType> {
    return (await this.resolveCategory(manager, categoryId, requested)).type;
  }

  /** The type, and the category it follows (null without one). */
  private async resolveCategory(
    manager: EntityManager,
    categoryId: string | null,
    requested: TransactionType | undefined,
  ): Promise<{ type: TransactionType; category: Category | null }> {
    if (!categoryId) {
      if (!requested) {
        throw new BusinessRuleError('A transaction without a category needs a type', {
          type: ['type is required when categoryId is not given'],
        });
      }
      return { type: requested, category: null };
    }
    const category = await this.categories.find(manager, categoryId);
    if (requested && requested !== category.kind) {
      throw new BusinessRuleError(
        `Category '${category.name}' is for ${category.kind} transactions`,
        {
          type: [`type must be ${category.kind} for category '${category.name}'`],
        },
      );
    }
    return { type: category.kind, category };
  }

  private withCategory(manager: EntityManager) {
    // withDeleted keeps a soft-deleted category visible on its old transactions; the
    // transactions themselves are filtered explicitly.
    return manager
      .createQueryBuilder(Transaction, 'transaction')
      .withDeleted()
      .leftJoinAndSelect('transaction.category', 'category')
      .where('transaction.deletedAt IS NULL');
  }

  private async find(manager: EntityManager, id: string): Promise<Transaction> {
    const transaction = await this.withCategory(manager)
      .andWhere('transaction.id = :id', { id })
      .getOne();
    if (!transaction) throw new NotFoundError(`Transaction ${id} not found`);
    return transaction;
  }

  /**
   * A create or update in the user's transaction. The modules that react inside it
   * (`TRANSACTION_SAVED`: budgets' thresholds) run before COMMIT, on its statements; the change
   * and whatever they queued are announced only after COMMIT.
   */
  private async save(
    name: DomainEventName,
    work: (manager: EntityManager) => Promise<Transaction>,
  ): Promise<Transaction> {
    const announcements: (() => void)[] = [];
    const saved = await this.userContext.run(async (manager) => {
      const transaction = await work(manager);
      const event: TransactionSaved = {
        manager,
        change: this.transactionEvents.changeOf(transaction),
        afterCommit: (announce) => announcements.push(announce),
      };
      await this.events.emitAsync(TRANSACTION_SAVED, event);
      return transaction;
    });
    await this.transactionEvents.publish(name, saved);
    for (const announce of announcements) {
      try {
        announce();
      } catch (error) {
        this.logger.error({ err: error, event: name }, 'An announcement after a write failed');
      }
    }
    return saved;
  }

  /**
   * A transaction booked inside the caller's open transaction and user context — a recurring
   * rule's occurrence, booked together with the record that it happened — its category and type
   * resolved as `create` does, and the in-transaction reactions (`TRANSACTION_SAVED`: budgets'
   * thresholds) run as for `create`. Answers its ID and `announce`, which the caller calls once
   * its transaction has committed, so no announcement tells of a write that was rolled back.
   */
  async createWithin(
    manager: EntityManager,
    input: CreateTransactionDto,
  ): Promise<{ id: string; announce: () => Promise<void> }> {
    const inserted = await this.insert(manager, input);
    const announcements: (() => void)[] = [];
    const event: TransactionSaved = {
      manager,
      change: this.transactionEvents.changeOf(inserted),
      afterCommit: (announce) => announcements.push(announce),
    };
    await this.events.emitAsync(TRANSACTION_SAVED, event);
    return {
      id: inserted.id,
      announce: async () => {
        await this.transactionEvents.publish(DomainEvent.TransactionCreated, inserted);
        for (const announce of announcements) {
          try {
            announce();
          } catch (error) {
            this.logger.error({ err: error }, 'An announcement after a booking failed');
          }
        }
      },
    };
  }
}
