/** The accounts module's public entry: what code outside the module uses of it. */
export { Account } from './account.entity';
export type { Balance } from './account-balances.store';
export { AccountsModule } from './accounts.module';
export { AccountsService } from './accounts.service';
export { defaultAccountIdSql } from './default-account';
export { EntryAccountId } from './dto/entry-account-id';
