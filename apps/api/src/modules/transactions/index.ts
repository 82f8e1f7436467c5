/** The transactions module's public entry: what code outside the module uses of it. */
export { Transaction } from './transaction.entity';
export { TRANSACTION_SAVED } from './transaction-saved';
export type { TransactionSaved } from './transaction-saved';
export { TransactionImportStore } from './transaction-import.store';
export type { ImportedLine } from './transaction-import.store';
export { TransactionSpendingStore } from './transaction-spending.store';
export type { SpendingScope } from './transaction-spending.store';
export { TransactionsModule } from './transactions.module';
export { TransactionsService } from './transactions.service';
export { TransfersService } from './transfers.service';
