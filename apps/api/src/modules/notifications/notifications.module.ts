import { Module } from '@nestjs/common';
import { MailModule } from '../../common/mail/mail.module';
import { CategoriesModule } from '../categories';
import { UsersModule } from '../users';
import { BudgetAlertListener } from './budget-alert.listener';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** In-app notifications of a user, and the budget alerts that create them (and email them). */
@Module({
  imports: [CategoriesModule, UsersModule, MailModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, BudgetAlertListener],
})
export class NotificationsModule {}
