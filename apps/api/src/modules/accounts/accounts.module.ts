import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AccountBalancesStore } from './account-balances.store';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AccountsStore } from './accounts.store';

@Module({
  imports: [AuditModule],
  controllers: [AccountsController],
  providers: [AccountsService, AccountBalancesStore, AccountsStore],
  exports: [AccountsService],
})
export class AccountsModule {}
