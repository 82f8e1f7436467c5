import {
  DynamicModule,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import { JobsModule } from '../../common/jobs/jobs.module';
import { AppConfig } from '../../config/app-config';
import { AuditModule, AuditRecorder } from '../audit';
import { MetricsRecorder } from './capture/metrics-recorder';
import { QueryTimingSubscriber } from './capture/query-timing.subscriber';
import { RequestTimingMiddleware } from './capture/request-timing.middleware';
import { MonitoringController } from './monitoring.controller';
import { PrometheusController } from './prometheus/prometheus.controller';
import { PrometheusMetrics, QueueProbe } from './prometheus/prometheus-metrics';
import { ErrorRatesService } from './query/error-rates.service';
import { MetricRowsStore } from './query/metric-rows.store';
import { MetricSeriesService } from './query/metric-series.service';
import { MonitoringOverviewService } from './query/overview.service';
import { SlowSamplesService } from './query/slow-samples.service';
import { MetricsRetentionService } from './rollup/metrics-retention.service';
import { MetricsRetentionStore } from './rollup/metrics-retention.store';
import { MetricsRollupService } from './rollup/metrics-rollup.service';
import { MetricsRollupStore } from './rollup/metrics-rollup.store';
import { MinuteRowsStore } from './storage/minute-rows.store';
import { SlowSamplesStore } from './storage/slow-samples.store';

export interface MonitoringModuleOptions {
  /** Queues made outside Nest whose depth and drops `GET /metrics` exports, by name. */
  queues: Record<string, QueueProbe>;
}

/**
 * Performance metrics: request and query timing into per-minute histograms, slow requests and
 * queries, rollups and retention, the admin API under `/monitoring` and the Prometheus scrape
 * `GET /metrics`. See docs/adr/0010-mergeable-latency-histograms.md.
 */
@Module({})
export class MonitoringModule implements NestModule {
  constructor(private readonly config: AppConfig) {}

  static forRoot(options: MonitoringModuleOptions): DynamicModule {
    return {
      module: MonitoringModule,
      imports: [AuditModule, JobsModule],
      controllers: [MonitoringController, PrometheusController],
      providers: [
        {
          provide: PrometheusMetrics,
          inject: [AuditRecorder],
          useFactory: (audit: AuditRecorder) => {
            const metrics = new PrometheusMetrics();
            metrics.addQueue('audit', audit);
            for (const [name, probe] of Object.entries(options.queues)) {
              metrics.addQueue(name, probe);
            }
            return metrics;
          },
        },
        MinuteRowsStore,
        SlowSamplesStore,
        MetricsRecorder,
        QueryTimingSubscriber,
        MetricsRollupStore,
        MetricsRollupService,
        MetricsRetentionStore,
        MetricsRetentionService,
        MetricRowsStore,
        MetricSeriesService,
        SlowSamplesService,
        ErrorRatesService,
        MonitoringOverviewService,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (!this.config.METRICS_CAPTURE_ENABLED) return;
    // Under the global prefix: every API request, not the SPA's files nor the scrape itself.
    consumer
      .apply(RequestTimingMiddleware)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
