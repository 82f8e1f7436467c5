import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CategoriesModule } from '../categories/categories.module';
import { TransactionSummaryService } from './transaction-summary.service';
import { TransactionsController } from './transactions.controller';
import { TransactionsService } from './transactions.service';

@Module({
  imports: [AuditModule, CategoriesModule],
  controllers: [TransactionsController],
  providers: [TransactionsService, TransactionSummaryService],
})
export class TransactionsModule {}
