import { DomainEvent } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { BusinessRuleError, NotFoundError } from '../../common/errors/domain-errors';
import { UserContext } from '../../database/user-context';
import { Account, AccountsService } from '../accounts';
import { CreateTransferDto, TransferDto, UpdateTransferDto } from './dto/transfer.dto';
import { Transaction } from './transaction.entity';
import { TransactionEvents } from './transaction-events';
import { TransferRows, TransfersStore } from './transfers.store';

const DEFAULT_DESCRIPTION = 'Transfer';

const transferNotFound = (id: string) => new NotFoundError(`Transfer ${id} not found`);

function toDto({ out, in: into }: TransferRows): TransferDto {
  return {
    id: out.transferId as string,
    fromAccountId: out.accountId,
    toAccountId: into.accountId,
    amountCents: out.amountCents,
    toAmountCents: into.amountCents,
    currency: out.currency,
    toCurrency: into.currency,
    occurredOn: out.occurredOn,
    description: out.description,
    outTransactionId: out.id,
    inTransactionId: into.id,
  };
}

/** What a transfer comes to: its accounts, amounts, day and description. */
interface TransferPlan {
  from: Pick<Account, 'id' | 'currency'>;
  to: Pick<Account, 'id' | 'currency'>;
  amountCents: number;
  toAmountCents: number;
  occurredOn: string;
  description: string;
}

/**
 * The amount arriving: between accounts of one currency the amount leaving (a different one is
 * refused); between currencies the one given, which is then required.
 */
function arrivingAmount(
  from: Pick<Account, 'currency'>,
  to: Pick<Account, 'currency'>,
  amountCents: number,
  toAmountCents: number | undefined,
): number {
  if (from.currency === to.currency) {
    if (toAmountCents !== undefined && toAmountCents !== amountCents) {
      throw new BusinessRuleError('Both accounts are in one currency', {
        toAmountCents: [
          `toAmountCents must equal amountCents between two ${from.currency} accounts`,
        ],
      });
    }
    return amountCents;
  }
  if (toAmountCents === undefined) {
    throw new BusinessRuleError('The accounts are in different currencies', {
      toAmountCents: [
        `toAmountCents is required: the money leaves in ${from.currency} and arrives in ${to.currency}`,
      ],
    });
  }
  return toAmountCents;
}

function assertTwoAccounts(plan: Pick<TransferPlan, 'from' | 'to'>): void {
  if (plan.from.id === plan.to.id) {
    throw new BusinessRuleError('A transfer needs two different accounts', {
      toAccountId: ['toAccountId must be another account than fromAccountId'],
    });
  }
}

/**
 * Transfers between two accounts of the user: one action, two rows sharing a transfer ID (a
 * `transfer_out` and a `transfer_in`), written, changed and deleted together in one database
 * transaction. Neither row is income or spending, so no budget is checked.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly userContext: UserContext,
    private readonly accounts: AccountsService,
    private readonly store: TransfersStore,
    private readonly transactionEvents: TransactionEvents,
  ) {}

  async create(input: CreateTransferDto): Promise<TransferDto> {
    const rows = await this.userContext.run((manager) => this.createWithin(manager, input));
    await this.transactionEvents.publish(DomainEvent.TransactionCreated, rows.out, rows.in);
    return toDto(rows);
  }

  /** Books a transfer inside the caller's open transaction and user context (also the demo data). */
  async createWithin(manager: EntityManager, input: CreateTransferDto): Promise<TransferRows> {
    const from = await this.accounts.openAccountWithin(
      manager,
      input.fromAccountId,
      'fromAccountId',
    );
    const to = await this.accounts.openAccountWithin(manager, input.toAccountId, 'toAccountId');
    assertTwoAccounts({ from, to });
    return this.book(manager, {
      from,
      to,
      amountCents: input.amountCents,
      toAmountCents: arrivingAmount(from, to, input.amountCents, input.toAmountCents),
      occurredOn: input.occurredOn,
      description: input.description ?? DEFAULT_DESCRIPTION,
    });
  }

  get(id: string): Promise<TransferDto> {
    return this.userContext.run(async (manager) => toDto(await this.find(manager, id)));
  }

  async update(id: string, changes: UpdateTransferDto): Promise<TransferDto> {
    const rows = await this.userContext.run((manager) => this.updateWithin(manager, id, changes));
    await this.transactionEvents.publish(DomainEvent.TransactionUpdated, rows.out, rows.in);
    return toDto(rows);
  }

  /** Both rows go together. */
  async remove(id: string): Promise<void> {
    const rows = await this.userContext.run((manager) => this.removeWithin(manager, id));
    await this.transactionEvents.publish(DomainEvent.TransactionDeleted, rows.out, rows.in);
  }

  /**
   * Changes transfer `id` inside the caller's open transaction (also when one of its rows is
   * edited as a transaction): an account given anew must be open, the amounts follow the
   * currencies as at creation, day and description change on both rows.
   */
  async updateWithin(
    manager: EntityManager,
    id: string,
    changes: UpdateTransferDto,
  ): Promise<TransferRows> {
    const current = await this.find(manager, id);
    const from = changes.fromAccountId
      ? await this.accounts.openAccountWithin(manager, changes.fromAccountId, 'fromAccountId')
      : { id: current.out.accountId, currency: current.out.currency };
    const to = changes.toAccountId
      ? await this.accounts.openAccountWithin(manager, changes.toAccountId, 'toAccountId')
      : { id: current.in.accountId, currency: current.in.currency };
    assertTwoAccounts({ from, to });
    const sameCurrency = from.currency === to.currency;
    const amountCents =
      changes.amountCents ??
      (sameCurrency ? changes.toAmountCents : undefined) ??
      current.out.amountCents;
    const toAmountCents = arrivingAmount(
      from,
      to,
      amountCents,
      sameCurrency
        ? (changes.toAmountCents ?? amountCents)
        : (changes.toAmountCents ??
            (to.currency === current.in.currency ? current.in.amountCents : undefined)),
    );
    const shared = {
      occurredOn: changes.occurredOn ?? current.out.occurredOn,
      description: changes.description ?? current.out.description,
    };
    await manager.update(
      Transaction,
      { id: current.out.id },
      { ...shared, accountId: from.id, currency: from.currency, amountCents },
    );
    await manager.update(
      Transaction,
      { id: current.in.id },
      { ...shared, accountId: to.id, currency: to.currency, amountCents: toAmountCents },
    );
    return this.find(manager, id);
  }

  /** Soft-deletes both rows of transfer `id` inside the caller's open transaction. */
  async removeWithin(manager: EntityManager, id: string): Promise<TransferRows> {
    const rows = await this.find(manager, id);
    await manager.softDelete(Transaction, { transferId: id, deletedAt: IsNull() });
    return rows;
  }

  private book(manager: EntityManager, plan: TransferPlan): Promise<TransferRows> {
    return this.store.insert(
      manager,
      { accountId: plan.from.id, amountCents: plan.amountCents, currency: plan.from.currency },
      { accountId: plan.to.id, amountCents: plan.toAmountCents, currency: plan.to.currency },
      plan.occurredOn,
      plan.description,
    );
  }

  private async find(manager: EntityManager, id: string): Promise<TransferRows> {
    const rows = await this.store.find(manager, id);
    if (!rows) throw transferNotFound(id);
    return rows;
  }
}
