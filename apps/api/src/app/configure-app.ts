import { INestApplication, RequestMethod, VersioningType } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { LOG_INGEST_LIMITS } from '@ledgerlens/contracts';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { trustProxyOf } from '../config/trust-proxy';
import { securityHeaders } from '../common/http/security-headers';
import { RealtimeIoAdapter } from '../modules/realtime';
import { completeOpenApiDocument } from '../common/openapi/complete-openapi-document';
import { ErrorResponseDto } from '../common/http/error-response.dto';
import { METRICS_SECURITY_SCHEME } from '../modules/monitoring';
import { API_PREFIX, API_VERSION, PROMETHEUS_PATH } from '../common/http/api-prefix';

export function corsOrigins(config: AppConfig): string[] {
  return config.CORS_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = new DocumentBuilder()
    .setTitle('Ledgerlens API')
    .setDescription(
      'Personal finance with a built-in audit trail. Errors share one body: ' +
        '{ statusCode, error, message, details?, traceId }. Send a W3C traceparent or X-Trace-Id ' +
        'header to choose the trace ID; every answer carries it in X-Trace-Id.',
    )
    .setVersion('1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'The access token of a sign-in: a JWS signed with HS256 and verified as RFC8725 advises ' +
        '(one pinned algorithm, so `alg: none` and algorithm swaps are refused; expiry checked).',
    })
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description: 'METRICS_TOKEN, for `GET /metrics` when it is set (an opaque secret).',
      },
      METRICS_SECURITY_SCHEME,
    )
    .build();
  return completeOpenApiDocument(
    app,
    SwaggerModule.createDocument(app, document, { extraModels: [ErrorResponseDto] }),
  );
}

/** The routes' prefix and version, which the OpenAPI document reflects. */
export function configureRoutes(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'docs', method: RequestMethod.GET },
      { path: PROMETHEUS_PATH, method: RequestMethod.GET },
    ],
  });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: API_VERSION });
}

/** Everything a running API needs besides its modules; tests call it too, so they get the same pipeline. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  const express = app as NestExpressApplication;
  // Which proxies may say who the client is and how it connected (req.ip, req.secure).
  express.set('trust proxy', trustProxyOf(config.TRUST_PROXY));
  // The largest body any route takes (a browser log batch); larger ones get a 413.
  express.useBodyParser('json', { limit: LOG_INGEST_LIMITS.requestBytes });
  app.use(securityHeaders({ httpsDeployment: config.PUBLIC_URL.startsWith('https://') }));
  // Answers as the client accepts (br, gzip), streamed ones included, as zlib streams; the SPA's
  // files already carry their build-time copies' Content-Encoding, which compression leaves alone.
  app.use(compression());
  const origins = corsOrigins(config);
  app.enableCors({ origin: origins, credentials: true, exposedHeaders: ['X-Trace-Id'] });
  // Explicit, so the bundle needs no dynamically loaded adapter; CORS and Redis for socket.io.
  app.useWebSocketAdapter(
    new RealtimeIoAdapter(app, {
      origins,
      redisUrl: config.REDIS_URL,
      redisPrefix: config.REALTIME_REDIS_PREFIX,
    }),
  );
  configureRoutes(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
}
