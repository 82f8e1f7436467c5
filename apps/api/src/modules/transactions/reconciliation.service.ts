import { DomainEvent } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { BusinessRuleError } from '../../common/errors/domain-errors';
import { MAX_AMOUNT_CENTS } from '../../common/http/money-fields';
import { UserContext } from '../../database/user-context';
import { AccountsService } from '../accounts';
import { ReconcileAccountDto, ReconciliationDto } from './dto/reconciliation.dto';
import { TransactionDto } from './dto/transaction.dto';
import { Transaction } from './transaction.entity';
import { TransactionEvents } from './transaction-events';
import { TransactionsStore } from './transactions.store';

const ADJUSTMENT_DESCRIPTION = 'Reconciliation adjustment';

/**
 * Reconciling an account with a bank statement: the ledger's balance at the end of the
 * statement's day against the statement's, the difference shown, and — when asked — booked as
 * an adjustment (neither income nor spending) on that day, in the same database transaction that
 * records the reconciliation.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly userContext: UserContext,
    private readonly accounts: AccountsService,
    private readonly store: TransactionsStore,
    private readonly transactionEvents: TransactionEvents,
  ) {}

  async reconcile(accountId: string, input: ReconcileAccountDto): Promise<ReconciliationDto> {
    const { answer, adjustment } = await this.userContext.run(async (manager) => {
      const account = await this.accounts.findWithin(manager, accountId);
      const balances = await this.accounts.balancesWithin(
        manager,
        [accountId],
        input.statementDate,
      );
      const balance = balances.get(accountId)?.cents ?? 0n;
      const difference = BigInt(input.statementBalanceCents) - balance;
      let adjustment: Transaction | undefined;
      if (difference !== 0n && input.bookAdjustment) {
        const amount = difference < 0n ? -difference : difference;
        if (amount > BigInt(MAX_AMOUNT_CENTS)) {
          throw new BusinessRuleError('The difference is too large for one adjustment', {
            statementBalanceCents: ['the difference to the ledger is larger than one entry can be'],
          });
        }
        adjustment = await this.store.insert(manager, {
          accountId,
          categoryId: null,
          type: difference > 0n ? 'adjustment_in' : 'adjustment_out',
          amountCents: Number(amount),
          currency: account.currency,
          description: ADJUSTMENT_DESCRIPTION,
          occurredOn: input.statementDate,
          notes: null,
        });
        if (!adjustment) {
          throw new BusinessRuleError(`Account '${account.name}' is archived`, {
            accountId: [`account '${account.name}' is archived and takes no new entries`],
          });
        }
      }
      const reconciled = difference === 0n || adjustment !== undefined;
      if (reconciled) {
        await this.accounts.markReconciledWithin(
          manager,
          accountId,
          input.statementDate,
          input.statementBalanceCents,
        );
      }
      const answer: ReconciliationDto = {
        accountId,
        statementDate: input.statementDate,
        statementBalanceCents: input.statementBalanceCents,
        balanceCents: balance.toString(),
        differenceCents: difference.toString(),
        adjustment: adjustment ? TransactionDto.from(adjustment) : null,
        reconciled,
      };
      return { answer, adjustment };
    });
    if (adjustment)
      await this.transactionEvents.publish(DomainEvent.TransactionCreated, adjustment);
    return answer;
  }
}
