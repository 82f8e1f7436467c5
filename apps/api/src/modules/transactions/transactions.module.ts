import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { CategoriesModule } from '../categories';
import { TransactionSpendingStore } from './transaction-spending.store';
import { TransactionSummaryService } from './transaction-summary.service';
import { TransactionSummaryStore } from './transaction-summary.store';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationService } from './reconciliation.service';
import { TransactionEvents } from './transaction-events';
import { TransactionsController } from './transactions.controller';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';
import { TransfersStore } from './transfers.store';
import { TransactionsService } from './transactions.service';
import { TransactionsStore } from './transactions.store';

@Module({
  imports: [AccountsModule, AuditModule, CategoriesModule],
  controllers: [TransactionsController, TransfersController, ReconciliationController],
  providers: [
    TransactionsService,
    TransactionsStore,
    TransactionSummaryService,
    TransactionSummaryStore,
    TransactionSpendingStore,
    TransactionEvents,
    TransfersService,
    TransfersStore,
    ReconciliationService,
  ],
  exports: [TransactionsService, TransfersService, TransactionSpendingStore],
})
export class TransactionsModule {}
