import { Module } from '@nestjs/common';
import { JobsModule } from '../../common/jobs/jobs.module';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { CategoriesModule } from '../categories';
import { TransactionsModule } from '../transactions';
import { RecurringBookingsJob } from './recurring-bookings.job';
import { RecurringOccurrencesStore } from './recurring-occurrences.store';
import { RecurringRulesStore } from './recurring-rules.store';
import { RecurringController } from './recurring.controller';
import { RecurringService } from './recurring.service';

@Module({
  imports: [AccountsModule, AuditModule, JobsModule, CategoriesModule, TransactionsModule],
  controllers: [RecurringController],
  providers: [
    RecurringService,
    RecurringRulesStore,
    RecurringOccurrencesStore,
    RecurringBookingsJob,
  ],
  exports: [RecurringService],
})
export class RecurringModule {}
