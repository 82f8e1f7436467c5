import { Global, Module } from '@nestjs/common';
import { USER_EMAILS } from '../common/directory/user-emails';
import { UserEmailsStore, UsersModule } from '../modules/users';

/**
 * Provides `USER_EMAILS` (declared in common) to every module from the users module's store:
 * the audit module shows who changed a record without importing the users module, which itself
 * builds on audit.
 */
@Global()
@Module({
  imports: [UsersModule],
  providers: [{ provide: USER_EMAILS, useExisting: UserEmailsStore }],
  exports: [USER_EMAILS],
})
export class UserEmailsModule {}
