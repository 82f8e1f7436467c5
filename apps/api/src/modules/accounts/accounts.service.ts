import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Raw } from 'typeorm';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import { translateConstraintError } from '../../common/errors/postgres-errors';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { ownsRow, softDeleteLive, updateLive } from '../../database/live-rows';
import { UserContext } from '../../database/user-context';
import { Account } from './account.entity';
import { defaultAccountIdSql } from './default-account';
import { AccountBalancesStore, Balance } from './account-balances.store';
import { AccountsStore } from './accounts.store';
import {
  AccountBalanceDto,
  AccountDto,
  AccountListDto,
  CreateAccountDto,
  UpdateAccountDto,
} from './dto/account.dto';

const accountNotFound = (id: string) =>
  new NotFoundError(`Account ${id} not found`, { accountId: ['account not found'] });

function nameTaken(name: string | undefined) {
  return () =>
    new ConflictError(`An account named '${name}' already exists`, {
      name: [`an account named '${name}' already exists`],
    });
}

/** A user's accounts and their balances, always in the user's Row-Level Security context. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly userContext: UserContext,
    private readonly balances: AccountBalancesStore,
    private readonly store: AccountsStore,
  ) {}

  list(query: PaginationQueryDto): Promise<AccountListDto> {
    return this.userContext.run(async (manager) => {
      const [rows, total] = await manager.findAndCount(Account, {
        order: { archived: 'ASC', name: 'ASC', id: 'ASC' },
        skip: query.offset,
        take: query.limit,
      });
      const balances = await this.balances.balances(
        manager,
        rows.map(({ id }) => id),
      );
      return {
        items: rows.map((row) => AccountDto.from(row, balanceOf(balances, row.id).cents)),
        total,
        page: query.page,
        limit: query.limit,
      };
    });
  }

  get(id: string): Promise<AccountDto> {
    return this.userContext.run((manager) => this.answer(manager, id));
  }

  /** Whether the signed-in user owns account `id`, deleted or not (its history's access). */
  owns(id: string): Promise<boolean> {
    return this.userContext.run((manager) => ownsRow(manager, Account, id));
  }

  balance(id: string, asOf?: string): Promise<AccountBalanceDto> {
    return this.userContext.run(async (manager) => {
      const account = await this.findWithin(manager, id);
      const balance = balanceOf(await this.balances.balances(manager, [id], asOf), id);
      return {
        accountId: id,
        asOf: balance.asOf,
        currency: account.currency,
        balanceCents: balance.cents.toString(),
      };
    });
  }

  create(input: CreateAccountDto): Promise<AccountDto> {
    return this.userContext
      .run(async (manager) => this.answer(manager, (await this.createWithin(manager, input)).id))
      .catch((error) =>
        translateConstraintError(error, { uq_accounts_user_name: nameTaken(input.name) }),
      );
  }

  update(id: string, changes: UpdateAccountDto): Promise<AccountDto> {
    return this.userContext
      .run(async (manager) => {
        await updateLive(manager, Account, id, changes, () => accountNotFound(id));
        return this.answer(manager, id);
      })
      .catch((error) =>
        translateConstraintError(error, { uq_accounts_user_name: nameTaken(changes.name) }),
      );
  }

  /** Only an account nothing live uses goes; one with history is archived instead. */
  remove(id: string): Promise<void> {
    return this.userContext.run(async (manager) => {
      const used = await this.store.inUse(manager, id);
      if (used) {
        throw new BusinessRuleError(
          'The account has transactions, recurring rules or savings goals: archive it instead',
          {
            accountId: [
              'an account with transactions, recurring rules or savings goals can only be archived',
            ],
          },
        );
      }
      await softDeleteLive(manager, Account, id, () => accountNotFound(id));
    });
  }

  /** A new account, inside the caller's open transaction and user context (also the demo data). */
  async createWithin(manager: EntityManager, input: CreateAccountDto): Promise<Account> {
    return manager.save(
      manager.create(Account, {
        ...input,
        openingBalanceCents: input.openingBalanceCents ?? 0,
        openingDate: input.openingDate ?? (await this.store.userToday(manager)),
      }),
    );
  }

  /**
   * The account a new entry in `currency` is booked to, inside the caller's open transaction:
   * the one named — open, and in that currency — or the user's default account for the currency.
   */
  async entryAccountWithin(
    manager: EntityManager,
    accountId: string | undefined,
    currency: string,
  ): Promise<Account> {
    if (!accountId) return this.defaultAccountWithin(manager, currency);
    const account = await this.openAccountWithin(manager, accountId);
    if (account.currency !== currency) {
      throw new BusinessRuleError(`Account '${account.name}' is in ${account.currency}`, {
        currency: [
          `currency must be ${account.currency}, the currency of account '${account.name}'`,
        ],
      });
    }
    return account;
  }

  /**
   * A live account of the current user that takes new entries (not archived), inside their open
   * transaction; 404 or 422 otherwise, the message under `field`.
   */
  async openAccountWithin(
    manager: EntityManager,
    id: string,
    field = 'accountId',
  ): Promise<Account> {
    const account = await manager.findOneBy(Account, { id, deletedAt: IsNull() });
    if (!account) {
      throw new NotFoundError(`Account ${id} not found`, { [field]: ['account not found'] });
    }
    if (account.archived) {
      throw new BusinessRuleError(`Account '${account.name}' is archived`, {
        [field]: [`account '${account.name}' is archived and takes no new entries`],
      });
    }
    return account;
  }

  /** Records a statement the account's ledger matched, inside the caller's open transaction. */
  async markReconciledWithin(
    manager: EntityManager,
    id: string,
    statementDate: string,
    statementBalanceCents: number,
  ): Promise<void> {
    await updateLive(
      manager,
      Account,
      id,
      { lastReconciledOn: statementDate, reconciledBalanceCents: statementBalanceCents },
      () => accountNotFound(id),
    );
  }

  /** A live account of the current user, inside their open transaction; 404 otherwise. */
  async findWithin(manager: EntityManager, id: string): Promise<Account> {
    const account = await manager.findOneBy(Account, { id, deletedAt: IsNull() });
    if (!account) throw accountNotFound(id);
    return account;
  }

  /**
   * The account new entries in `currency` go to when none is named: the user's oldest open
   * account in that currency, or a new "Main account" when there is none (named with its
   * currency when the user already has other accounts). Two requests creating it at once end
   * with one account: the loser of the unique name finds the winner's.
   */
  async defaultAccountWithin(manager: EntityManager, currency: string): Promise<Account> {
    const existing = await this.oldestOpen(manager, currency);
    if (existing) return existing;
    await this.store.insertDefault(manager, currency);
    const created = await this.oldestOpen(manager, currency);
    if (!created) {
      throw new ConflictError(`No open account in ${currency}: name one with accountId`, {
        accountId: [`no open account in ${currency}; create one or name it`],
      });
    }
    return created;
  }

  /** Balances of several accounts at the end of `asOf` (default: the user's today): one query. */
  balancesWithin(
    manager: EntityManager,
    accountIds: readonly string[],
    asOf?: string,
  ): Promise<Map<string, Balance>> {
    return this.balances.balances(manager, accountIds, asOf);
  }

  private oldestOpen(manager: EntityManager, currency: string): Promise<Account | null> {
    return manager.findOneBy(Account, {
      id: Raw((id) => `${id} = ${defaultAccountIdSql(':currency')}`, { currency }),
    });
  }

  private async answer(manager: EntityManager, id: string): Promise<AccountDto> {
    const account = await this.findWithin(manager, id);
    const balance = balanceOf(await this.balances.balances(manager, [id]), id);
    return AccountDto.from(account, balance.cents);
  }
}

function balanceOf(balances: Map<string, Balance>, id: string): Balance {
  const balance = balances.get(id);
  if (!balance) throw accountNotFound(id);
  return balance;
}
