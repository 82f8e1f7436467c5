import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CategoriesModule } from '../categories';
import { BudgetsController } from './budgets.controller';
import { BudgetsService } from './budgets.service';

@Module({
  imports: [AuditModule, CategoriesModule],
  controllers: [BudgetsController],
  providers: [BudgetsService],
  exports: [BudgetsService],
})
export class BudgetsModule {}
