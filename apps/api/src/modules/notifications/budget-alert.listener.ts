import {
  BudgetThresholdCrossedPayload,
  DomainEvent,
  NotificationCreatedPayload,
  NotificationSnapshot,
} from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-errors';
import { Mailer } from '../../common/mail/mailer';
import { AppConfig } from '../../config/app-config';
import { UserContext } from '../../database/user-context';
import { CategoriesService } from '../categories';
import { UsersService } from '../users';
import { budgetAlertEmail } from './budget-alert-email';
import { budgetThresholdNotification } from './budget-threshold-notification';
import { NotificationsService } from './notifications.service';

/**
 * Tells a budget's owner that it crossed a threshold: one in-app notification per crossing (the
 * budget check announces a write passing several thresholds once, at the highest), pushed live
 * (`notification.created`), and an email when they opted in. Runs after the crossing was
 * committed; whatever fails here is logged and fails nothing else.
 */
@Injectable()
export class BudgetAlertListener {
  private readonly logger = new Logger(BudgetAlertListener.name);

  constructor(
    private readonly userContext: UserContext,
    private readonly notifications: NotificationsService,
    private readonly categories: CategoriesService,
    private readonly users: UsersService,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {}

  @OnEvent(DomainEvent.BudgetThresholdCrossed)
  async onThresholdCrossed(crossing: BudgetThresholdCrossedPayload): Promise<void> {
    const notification = await this.store(crossing);
    if (!notification) return;
    this.announce(crossing, notification);
    await this.email(crossing.userId, notification);
  }

  /** The new notification, or null when this crossing was notified before (or storing failed). */
  private async store(
    crossing: BudgetThresholdCrossedPayload,
  ): Promise<NotificationSnapshot | null> {
    try {
      return await this.userContext.runAs(crossing.userId, async (manager) =>
        this.notifications.insertOnce(
          manager,
          budgetThresholdNotification(crossing, await this.categoryName(manager, crossing)),
        ),
      );
    } catch (error) {
      this.logger.error(
        { err: error, budgetId: crossing.budgetId, userId: crossing.userId },
        'Storing a budget alert notification failed',
      );
      return null;
    }
  }

  private async categoryName(
    manager: EntityManager,
    { categoryId }: BudgetThresholdCrossedPayload,
  ): Promise<string | null> {
    if (!categoryId) return null;
    try {
      return (await this.categories.find(manager, categoryId)).name;
    } catch (error) {
      // Deleted since: the notification names no category.
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  private announce(
    crossing: BudgetThresholdCrossedPayload,
    notification: NotificationSnapshot,
  ): void {
    const payload: NotificationCreatedPayload = {
      userId: crossing.userId,
      notification,
      traceId: crossing.traceId,
    };
    try {
      this.events.emit(DomainEvent.NotificationCreated, payload);
    } catch (error) {
      this.logger.error(
        { err: error, notificationId: notification.id },
        'Announcing a notification failed',
      );
    }
  }

  private async email(userId: string, notification: NotificationSnapshot): Promise<void> {
    try {
      const to = await this.users.budgetAlertRecipient(userId);
      if (!to) return;
      if (!this.mailer.configured) {
        this.logger.warn(
          { notificationId: notification.id, userId },
          'A budget alert email was not sent: email is not configured (SMTP_URL)',
        );
        return;
      }
      const receipt = await this.mailer.send({
        to: [to],
        ...budgetAlertEmail(notification, this.config.PUBLIC_URL),
      });
      this.logger.log(
        { notificationId: notification.id, userId, messageId: receipt.messageId },
        'Budget alert emailed',
      );
    } catch (error) {
      this.logger.warn(
        { err: error, notificationId: notification.id, userId },
        'Emailing a budget alert failed',
      );
    }
  }
}
