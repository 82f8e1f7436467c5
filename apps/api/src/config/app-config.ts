import 'reflect-metadata';
import { LOG_LEVELS } from '@ledgerlens/contracts';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';
import { logSettingProblems } from './log-settings';
import { trustProxyOf } from './trust-proxy';

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off'].includes(normalised)) return false;
  return value;
};

const LEVEL_SETTINGS = [...LOG_LEVELS, 'silent'] as const;
type LevelSetting = (typeof LEVEL_SETTINGS)[number];

const RETENTION_OVERRIDES = /^$|^(level|source):[a-z]+=\d+(,(level|source):[a-z]+=\d+)*$/;

const OTLP_URL = /^https?:\/\/\S+$/;
/** `key=value` pairs separated by commas (W3C Baggage-like, as the OTel specification says). */
const OTEL_HEADERS = /^$|^\s*[^\s=,]+\s*=[^,]*(,\s*[^\s=,]+\s*=[^,]*)*$/;
const TRACES_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * The one schema of the API's environment. Every variable, its type and its default live here;
 * README.md lists the same set. A bad value stops the process with a message naming the variable.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** PostgreSQL connection string. Unset: an embedded PostgreSQL is started under EMBEDDED_PG_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, {
    message: 'DATABASE_URL must start with postgres:// or postgresql://',
  })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toBoolean)
  @IsBoolean()
  DB_MIGRATIONS_RUN = true;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /**
   * On SIGTERM/SIGINT, how long requests still running may take to finish once new ones are no
   * longer taken; the queues are then written and the database closed.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Seed demo users, categories, transactions and budgets when the database has no users yet. */
  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO_DATA = true;

  /** HMAC secret of access tokens. Required (32+ characters) in production. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(30)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  JWT_REFRESH_TTL_SECONDS = 2_592_000;

  /** Comma-separated list of origins allowed by CORS (HTTP and socket.io). */
  @IsString()
  CORS_ORIGINS = 'http://localhost:3000,http://localhost:4200';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;

  /**
   * Prefix of the socket.io Redis adapter's channels: instances with the same prefix (and
   * REDIS_URL) share rooms and events; another deployment on the same Redis needs another one.
   */
  @Matches(/^[\w.:-]{1,64}$/, {
    message: 'REALTIME_REDIS_PREFIX must be 1 to 64 letters, digits or . : _ -',
  })
  REALTIME_REDIS_PREFIX = 'ledgerlens:socket.io';

  /** Prefix of the rate-limit counters in Redis (with REDIS_URL): one per deployment on a Redis. */
  @Matches(/^[\w.:-]{1,64}$/, {
    message: 'RATE_LIMIT_REDIS_PREFIX must be 1 to 64 letters, digits or . : _ -',
  })
  RATE_LIMIT_REDIS_PREFIX = 'ledgerlens:rate-limit';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[^@\s]+@[^@\s]+$/, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD?: string;

  @IsIn(LEVEL_SETTINGS)
  LOG_LEVEL: LevelSetting = 'info';

  /** Pretty, coloured log lines instead of JSON. Defaults to on when stdout is a terminal outside production. */
  @Transform(toBoolean)
  @IsOptional()
  @IsBoolean()
  LOG_PRETTY?: boolean;

  /** bcrypt cost factor for password hashes. */
  @Type(() => Number)
  @IsInt()
  @Min(4)
  @Max(15)
  PASSWORD_HASH_ROUNDS = 12;

  /** Requests allowed per window on login and register, per client. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_RATE_WINDOW_SECONDS = 60;

  /** Folder of the built SPA, served at `/`. Empty: resolved next to the API bundle (dist/apps/web). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /**
   * Serve the SPA's source maps (`/assets/*.map`) too. Off: they hold the SPA's whole source, so
   * they stay in the build folder (for an exception tracker) and the API answers 404.
   */
  @Transform(toBoolean)
  @IsBoolean()
  WEB_SOURCE_MAPS = false;

  /**
   * The proxies in front of the API whose `X-Forwarded-For` / `-Proto` / `-Host` are believed
   * (Express's `trust proxy`): `true` (any), a number of hops, or comma-separated addresses,
   * subnets or `loopback`, `linklocal`, `uniquelocal`. Unset: none, the connection is the client.
   */
  @IsString()
  TRUST_PROXY = '';

  /** Record the action log (`audit_events`). Row history is recorded by the database regardless. */
  @Transform(toBoolean)
  @IsBoolean()
  AUDIT_LOGGING_ENABLED = true;

  /** Queue events and write them in batches off the request path; false writes each inline. */
  @Transform(toBoolean)
  @IsBoolean()
  AUDIT_LOGGING_ASYNC = true;

  /** Events held in memory at most; beyond it new events are dropped, counted and logged. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUDIT_LOGGING_QUEUE_SIZE = 10000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  AUDIT_LOGGING_BATCH_SIZE = 500;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  AUDIT_LOGGING_FLUSH_INTERVAL_MS = 1000;

  /** Log records at or above this level are also stored in `app_logs`; `silent` stores none. */
  @IsIn(LEVEL_SETTINGS)
  LOG_PERSIST_LEVEL: LevelSetting = 'info';

  /** Log records held in memory at most while waiting to be stored; beyond it they are dropped and counted. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOG_PERSIST_QUEUE_SIZE = 20000;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  LOG_PERSIST_BATCH_SIZE = 500;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  LOG_PERSIST_FLUSH_INTERVAL_MS = 1000;

  /** Queries taking at least this long are logged at warn with their duration and redacted parameters. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SLOW_QUERY_MS = 500;

  /** Requests taking at least this long are stored one by one in `slow_requests`. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SLOW_REQUEST_MS = 1000;

  /** Time every request and query into per-minute metrics, slow lists and Prometheus histograms. */
  @Transform(toBoolean)
  @IsBoolean()
  METRICS_CAPTURE_ENABLED = true;

  /** Bearer token `GET /metrics` (Prometheus) requires; unset: the scrape endpoint is open. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  /** This instance's name in stored metrics. Unset: `<hostname>:<pid>`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\w.:@-]{1,128}$/, {
    message: 'INSTANCE_ID must be 1 to 128 letters, digits or . : @ _ -',
  })
  INSTANCE_ID?: string;

  /** How often an instance adds its per-minute figures to `performance_metrics`. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  METRICS_FLUSH_INTERVAL_MS = 5000;

  /** Days minute rows of `performance_metrics` are kept (5-minute, hour and day rows outlive them). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  METRICS_RETENTION_MINUTE_DAYS = 7;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  METRICS_RETENTION_FIVE_MIN_DAYS = 30;

  /** Days hour rows are kept; day rows are kept forever. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  METRICS_RETENTION_HOUR_DAYS = 365;

  /** Days slow requests and slow queries are kept. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  METRICS_RETENTION_SLOW_DAYS = 30;

  /** Batches accepted per window on `POST /logging/logs/batch`, per client. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOG_INGEST_RATE_LIMIT = 120;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOG_INGEST_RATE_WINDOW_SECONDS = 60;

  /** Days stored logs are kept before they are archived and removed. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOG_RETENTION_DAYS = 90;

  /**
   * Other retention for some logs, as `level:error=180,source:frontend=30`. A log matching
   * several rules keeps the longest; a log matching none keeps LOG_RETENTION_DAYS.
   */
  @IsString()
  @Matches(RETENTION_OVERRIDES, {
    message: 'LOG_RETENTION_OVERRIDES must look like level:error=180,source:frontend=30',
  })
  LOG_RETENTION_OVERRIDES = '';

  /** Day partitions of `app_logs` created ahead of time. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(60)
  LOG_PARTITIONS_AHEAD_DAYS = 7;

  /** Where retention writes archived logs (gzip NDJSON, one file per day, plus a manifest). */
  @IsString()
  ARCHIVE_DIR = '.data/archive';

  /** When the daily retention run starts (cron, server time). */
  @IsString()
  LOG_ARCHIVE_CRON = '0 3 * * *';

  /**
   * Months of the audit trail kept in the database besides the current one: older whole months
   * are archived under ARCHIVE_DIR/audit and their partitions dropped. Unset: keep everything.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUDIT_RETENTION_MONTHS?: number;

  /** Where log exports are kept for downloading again. */
  @IsString()
  EXPORT_DIR = '.data/exports';

  /** Hours an export file is kept; the hourly clean-up removes older ones. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EXPORT_TTL_HOURS = 24;

  /**
   * Minutes a temporary file (an export's partial copy left by an interrupted run) is kept; the
   * hourly clean-up job removes older ones.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  TEMP_FILE_MAX_AGE_MINUTES = 60;

  /**
   * Stored occurrences per exception group and minute; beyond it only the counts grow (they stay
   * exact), so a flood of one error cannot flood the database.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EXCEPTION_SAMPLE_PER_MINUTE = 100;

  /** Days stored exception occurrences are kept; groups and their counts are kept for good. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EXCEPTION_RETENTION_DAYS = 365;

  /** Release recorded with the API's exceptions (e.g. a version or commit). Unset: none. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\w.+@:/-]{1,64}$/, {
    message: 'APP_RELEASE must be 1 to 64 letters, digits or . + @ : / _ -',
  })
  APP_RELEASE?: string;

  /** Run scheduled jobs (partitions, retention, clean-up) in this instance. */
  @Transform(toBoolean)
  @IsBoolean()
  JOBS_ENABLED = true;

  /**
   * Offer `POST /api/v1/conformance/trace-context`, the test service of the W3C Trace Context
   * suite: anyone may make the API send requests to URLs they name (loopback included), so it
   * is off by default, and the API refuses to start in production with it on.
   */
  @Transform(toBoolean)
  @IsBoolean()
  TRACE_CONTEXT_CONFORMANCE = false;

  /**
   * Where people reach the SPA, for links in alert emails and webhooks (`externalURL`,
   * `generatorURL`). No trailing slash.
   */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*[^\s/])?$/, {
    message: 'PUBLIC_URL must be an http(s) URL without a trailing slash',
  })
  PUBLIC_URL = 'http://localhost:3000';

  /** SMTP server alert and budget emails go through, e.g. `smtp://user:pass@mail:587`. Unset: no email. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must start with smtp:// or smtps://' })
  SMTP_URL?: string;

  /** Sender of alert and budget emails. */
  @IsString()
  @MinLength(3)
  ALERT_EMAIL_FROM = 'Ledgerlens <alerts@localhost>';

  /**
   * Let webhook contact points (and the SMS gateway) reach private and loopback addresses.
   * Off by default: an admin-entered URL must not reach the API's own network (SSRF).
   */
  @Transform(toBoolean)
  @IsBoolean()
  ALERT_WEBHOOK_ALLOW_PRIVATE = false;

  /** Twilio account SID for SMS contact points. SMS needs it, SMS_TWILIO_AUTH_TOKEN and SMS_TWILIO_FROM. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[\w-]{1,64}$/, { message: 'SMS_TWILIO_ACCOUNT_SID must be 1 to 64 letters or digits' })
  SMS_TWILIO_ACCOUNT_SID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  SMS_TWILIO_AUTH_TOKEN?: string;

  /** The sending number (E.164, e.g. +15005550006). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, {
    message: 'SMS_TWILIO_FROM must be an E.164 number such as +15005550006',
  })
  SMS_TWILIO_FROM?: string;

  /** Base URL of Twilio's API (another value points SMS at a compatible gateway or a test server). */
  @Matches(/^https?:\/\/\S+[^/]$/, {
    message: 'SMS_TWILIO_BASE_URL must be an http(s) URL without a trailing slash',
  })
  SMS_TWILIO_BASE_URL = 'https://api.twilio.com';

  /**
   * 32 bytes (64 hex digits or base64) that encrypt contact points' secrets at rest
   * (AES-256-GCM). Unset: secrets are stored as entered (the API still never returns them).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'SECRETS_ENCRYPTION_KEY must be 32 bytes as 64 hex digits or base64',
  })
  SECRETS_ENCRYPTION_KEY?: string;

  /**
   * OpenTelemetry export (docs/adr/0023-opentelemetry-export.md), off unless an OTLP endpoint is
   * set: the base URL of an OTLP/HTTP receiver (a collector), e.g. `http://otel-collector:4318`;
   * logs go to `<endpoint>/v1/logs`, spans to `<endpoint>/v1/traces`.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(OTLP_URL, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The full URL stored log lines are sent to (OTLP/HTTP), instead of `<endpoint>/v1/logs`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(OTLP_URL, { message: 'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_LOGS_ENDPOINT?: string;

  /** The full URL spans are sent to (OTLP/HTTP), instead of `<endpoint>/v1/traces`. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(OTLP_URL, { message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** Only `http/json` (OTLP/HTTP with JSON bodies) is sent; another value is refused. */
  @IsIn(['http/json'], {
    message: 'OTEL_EXPORTER_OTLP_PROTOCOL: only http/json is supported',
  })
  OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';

  /** Headers of every export request, as `key=value,key2=value2` (values URL-encoded), e.g. an API key. */
  @IsString()
  @Matches(OTEL_HEADERS, {
    message: 'OTEL_EXPORTER_OTLP_HEADERS must look like key=value,key2=value2',
  })
  OTEL_EXPORTER_OTLP_HEADERS = '';

  /** How long one export request may take, in milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  OTEL_EXPORTER_OTLP_TIMEOUT = 10_000;

  /** `true` turns the export off even with an endpoint set. */
  @Transform(toBoolean)
  @IsBoolean()
  OTEL_SDK_DISABLED = false;

  /**
   * The `service.name` resource attribute of exported logs and spans. Unset: a `service.name` in
   * OTEL_RESOURCE_ATTRIBUTES, else `ledgerlens-api`.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\S{1,128}$/, { message: 'OTEL_SERVICE_NAME must be 1 to 128 characters, no spaces' })
  OTEL_SERVICE_NAME?: string;

  /** More resource attributes, as `key=value,key2=value2` (values URL-encoded), e.g. `deployment.environment.name=prod`. */
  @IsString()
  @Matches(OTEL_HEADERS, {
    message: 'OTEL_RESOURCE_ATTRIBUTES must look like key=value,key2=value2',
  })
  OTEL_RESOURCE_ATTRIBUTES = '';

  /**
   * Which requests' spans are kept: `parentbased_always_on` (default: all, unless the caller's
   * traceparent says unsampled), `always_on`, `always_off`, `traceidratio`,
   * `parentbased_always_off` or `parentbased_traceidratio` (with OTEL_TRACES_SAMPLER_ARG).
   */
  @IsIn(TRACES_SAMPLERS)
  OTEL_TRACES_SAMPLER: (typeof TRACES_SAMPLERS)[number] = 'parentbased_always_on';

  /** The ratio (0 to 1) of the `traceidratio` samplers. */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  OTEL_TRACES_SAMPLER_ARG = 1;

  /** Milliseconds between two exports of spans (they are sent in batches). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  OTEL_BSP_SCHEDULE_DELAY = 5000;

  /** Milliseconds between two exports of log records (they are sent in batches). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  OTEL_BLRP_SCHEDULE_DELAY = 1000;

  /** Spans, and log records, held at most while waiting to be sent; beyond it they are dropped. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  OTEL_BSP_MAX_QUEUE_SIZE = 2048;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  OTEL_BLRP_MAX_QUEUE_SIZE = 2048;

  /** More keys whose values are redacted everywhere, comma-separated (e.g. `iban,member_no`). */
  @IsString()
  REDACT_EXTRA_KEYS = '';

  /** More secret patterns as a JSON object of name to regular expression, e.g. `{"iban":"\\bDE\\d{20}\\b"}`. */
  @IsString()
  REDACT_EXTRA_PATTERNS = '';
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map((error) => {
    const messages = Object.values(error.constraints ?? {}).join('; ');
    return `${error.property}: ${messages} (got ${JSON.stringify(error.value)})`;
  });
}

/** Reads and validates the environment; throws ConfigValidationError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const config = plainToInstance(AppConfig, env);
  const problems = describe(validateSync(config, { skipMissingProperties: false }));
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    problems.push('JWT_SECRET: required in production (32 or more characters)');
  }
  if (config.NODE_ENV === 'production' && config.TRACE_CONTEXT_CONFORMANCE) {
    problems.push('TRACE_CONTEXT_CONFORMANCE: must not be on in production (a test-only route)');
  }
  const sms = [config.SMS_TWILIO_ACCOUNT_SID, config.SMS_TWILIO_AUTH_TOKEN, config.SMS_TWILIO_FROM];
  if (sms.some(Boolean) && !sms.every(Boolean)) {
    problems.push(
      'SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN, SMS_TWILIO_FROM: set all three for SMS, or none',
    );
  }
  if (trustProxyOf(config.TRUST_PROXY) === undefined) {
    problems.push(
      `TRUST_PROXY: must be true, false, a number of hops, or addresses and subnets such as loopback,10.0.0.0/8 (got ${JSON.stringify(config.TRUST_PROXY)})`,
    );
  }
  problems.push(...logSettingProblems(config));
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
