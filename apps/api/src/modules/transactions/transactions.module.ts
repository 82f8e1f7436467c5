import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { CategoriesModule } from '../categories';
import { TransactionSpendingStore } from './transaction-spending.store';
import { TransactionSummaryService } from './transaction-summary.service';
import { TransactionSummaryStore } from './transaction-summary.store';
import { TransactionsController } from './transactions.controller';
import { TransactionsService } from './transactions.service';
import { TransactionsStore } from './transactions.store';

@Module({
  imports: [AccountsModule, AuditModule, CategoriesModule],
  controllers: [TransactionsController],
  providers: [
    TransactionsService,
    TransactionsStore,
    TransactionSummaryService,
    TransactionSummaryStore,
    TransactionSpendingStore,
  ],
  exports: [TransactionsService, TransactionSpendingStore],
})
export class TransactionsModule {}
