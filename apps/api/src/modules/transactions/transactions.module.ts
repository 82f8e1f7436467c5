import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CategoriesModule } from '../categories';
import { TransactionSpendingStore } from './transaction-spending.store';
import { TransactionSummaryService } from './transaction-summary.service';
import { TransactionSummaryStore } from './transaction-summary.store';
import { TransactionsController } from './transactions.controller';
import { TransactionsService } from './transactions.service';

@Module({
  imports: [AuditModule, CategoriesModule],
  controllers: [TransactionsController],
  providers: [
    TransactionsService,
    TransactionSummaryService,
    TransactionSummaryStore,
    TransactionSpendingStore,
  ],
  exports: [TransactionsService, TransactionSpendingStore],
})
export class TransactionsModule {}
