import type { TransactionChangedPayload } from '@ledgerlens/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Emitted (awaited) inside the write's open transaction, after a transaction is created or
 * updated and before COMMIT, for the modules whose records must change with it (budgets'
 * threshold crossings). Not a domain event: it carries the open transaction, so it never leaves
 * the process, and nothing may announce anything from it but through `afterCommit`.
 */
export const TRANSACTION_SAVED = 'transaction.saved';

export interface TransactionSaved {
  /** The write's transaction, with its user context: a listener's statements join the write. */
  manager: EntityManager;
  /** The transaction as it now is. */
  change: TransactionChangedPayload;
  /** Queues an announcement for after COMMIT; it is dropped when the write rolls back. */
  afterCommit(announce: () => void): void;
}
