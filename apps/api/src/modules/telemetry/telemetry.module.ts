import {
  DynamicModule,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { LogSink } from '../logging';
import { LogExport } from './log-export';
import { OtelExport } from './otel-export';
import { otelSettingsOf } from './otel-settings';
import { QuerySpans } from './query-spans';
import { RequestSpansMiddleware } from './request-spans.middleware';

export interface TelemetryModuleOptions {
  config: AppConfig;
  /** The sink the app stores its log lines with: what it stores is what is exported. */
  logs: LogSink;
}

/** The export itself, only imported when an OTLP endpoint is configured. */
@Module({})
class OtelExportModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(RequestSpansMiddleware)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

/**
 * OpenTelemetry export (docs/adr/0023-opentelemetry-export.md): stored log lines as OTel log
 * records and spans for HTTP requests and their database statements, sent over OTLP/HTTP to the
 * collector OTEL_EXPORTER_OTLP_ENDPOINT names. Without an endpoint (or with OTEL_SDK_DISABLED)
 * the module is empty: no SDK, no middleware, no listener.
 */
@Module({})
export class TelemetryModule {
  static forRoot({ config, logs }: TelemetryModuleOptions): DynamicModule {
    const settings = otelSettingsOf(config);
    if (!settings) return { module: TelemetryModule };
    return {
      module: TelemetryModule,
      imports: [
        {
          module: OtelExportModule,
          providers: [
            { provide: OtelExport, useFactory: () => new OtelExport(settings, config) },
            { provide: LogSink, useValue: logs },
            LogExport,
            QuerySpans,
            RequestSpansMiddleware,
          ],
          exports: [OtelExport],
        },
      ],
      exports: [OtelExportModule],
    };
  }
}
