import { Module } from '@nestjs/common';
import { SecretBox } from '../../common/crypto/secret-box';
import { HttpClientModule } from '../../common/http-client/http-client.module';
import { JobsModule } from '../../common/jobs/jobs.module';
import { MailModule } from '../../common/mail/mail.module';
import { ExceptionWindowedCountsModule } from '../exceptions';
import { LogWindowedCountsModule } from '../logging';
import { MonitoringWindowedCountsModule } from '../monitoring';
import { AlertCycle } from './alert-cycle';
import { AlertJobs } from './alert-jobs';
import { AlertsController } from './alerts.controller';
import { ContactPointSenders } from './channels/contact-point-senders';
import { EmailSender } from './channels/email.sender';
import { TwilioSmsSender } from './channels/twilio-sms.sender';
import { WebhookSender } from './channels/webhook.sender';
import { ContactPointsController } from './contact-points/contact-points.controller';
import { ContactPointsService } from './contact-points/contact-points.service';
import { ContactPointsStore } from './contact-points/contact-points.store';
import { AlertEvaluator } from './evaluation/alert-evaluator';
import { AlertInstancesStore } from './evaluation/alert-instances.store';
import { MetricReaders } from './evaluation/metric-readers';
import { RuleSeries } from './evaluation/rule-series';
import { AlertHistoryService } from './history/alert-history.service';
import { AlertHistoryStore } from './history/alert-history.store';
import { AlertGroupsStore } from './notifications/alert-groups.store';
import { AlertNotifier } from './notifications/alert-notifier';
import { DeliveriesStore } from './notifications/deliveries.store';
import { DeliveryWorker } from './notifications/delivery-worker';
import { TestNotifications } from './notifications/test-notifications';
import { AlertRulesService } from './rules/alert-rules.service';
import { AlertRulesStore } from './rules/alert-rules.store';
import { KnownRoutes } from './rules/known-routes';
import { SilencesController } from './silences/silences.controller';
import { SilencesService } from './silences/silences.service';
import { SilencesStore } from './silences/silences.store';

/**
 * Alerting: rules over metrics, exceptions and logs evaluated on a schedule (Grafana's states),
 * notified in groups (Alertmanager's timing and silences) through email, signed webhooks and
 * SMS, every delivery recorded and retried. See docs/alerting.md.
 */
@Module({
  imports: [
    JobsModule,
    MailModule,
    HttpClientModule,
    // What rules measure, counted by the modules that own the data.
    MonitoringWindowedCountsModule,
    ExceptionWindowedCountsModule,
    LogWindowedCountsModule,
  ],
  // `/contact-points` and `/silences` are matched before the rules' `/:id` routes.
  controllers: [ContactPointsController, SilencesController, AlertsController],
  providers: [
    SecretBox,
    ContactPointsService,
    ContactPointsStore,
    SilencesService,
    SilencesStore,
    EmailSender,
    WebhookSender,
    TwilioSmsSender,
    ContactPointSenders,
    KnownRoutes,
    AlertRulesStore,
    AlertRulesService,
    MetricReaders,
    RuleSeries,
    AlertInstancesStore,
    AlertEvaluator,
    AlertGroupsStore,
    DeliveriesStore,
    AlertNotifier,
    DeliveryWorker,
    TestNotifications,
    AlertHistoryService,
    AlertHistoryStore,
    AlertCycle,
    AlertJobs,
  ],
})
export class AlertsModule {}
