import { DomainEventName, TransactionChangedPayload } from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { RequestContext } from '../../common/context/request-context';
import { Transaction } from './transaction.entity';

/** Tells the rest of the app about changed rows of `transactions`, after they committed. */
@Injectable()
export class TransactionEvents {
  private readonly logger = new Logger(TransactionEvents.name);

  constructor(
    private readonly events: EventEmitter2,
    private readonly requestContext: RequestContext,
  ) {}

  /** After commit: reactions (realtime) must never fail the write. */
  async publish(name: DomainEventName, ...transactions: Transaction[]): Promise<void> {
    for (const transaction of transactions) {
      try {
        await this.events.emitAsync(name, this.changeOf(transaction));
      } catch (error) {
        this.logger.error({ err: error, event: name }, 'A reaction to a transaction change failed');
      }
    }
  }

  changeOf(transaction: Transaction): TransactionChangedPayload {
    return {
      userId: transaction.userId,
      transactionId: transaction.id,
      type: transaction.type,
      amountCents: transaction.amountCents,
      currency: transaction.currency,
      description: transaction.description,
      categoryId: transaction.categoryId,
      occurredOn: transaction.occurredOn,
      traceId: this.requestContext.traceId,
    };
  }
}
