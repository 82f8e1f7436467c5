import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppConfig } from '../../config/app-config';

/** What the export needs, read from the configuration; undefined when it is off. */
export interface OtelSettings {
  /** Where log records go (OTLP/HTTP JSON); undefined: logs are not exported. */
  logsUrl?: string;
  /** Where spans go; undefined: spans are not exported. */
  tracesUrl?: string;
  headers: Record<string, string>;
  timeoutMillis: number;
  resource: Record<string, string>;
}

/**
 * `key=value,key2=value2` as the OpenTelemetry specification reads OTEL_RESOURCE_ATTRIBUTES and
 * OTEL_EXPORTER_OTLP_HEADERS: keys and values trimmed, values percent-decoded; a pair that does
 * not decode is skipped.
 */
export function parseKeyValueList(text: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const item of text.split(',')) {
    const equals = item.indexOf('=');
    if (equals <= 0) continue;
    const key = item.slice(0, equals).trim();
    try {
      const value = decodeURIComponent(item.slice(equals + 1).trim());
      if (key !== '') pairs[key] = value;
    } catch {
      // Not valid percent-encoding: the specification says to discard the entry.
    }
  }
  return pairs;
}

/** The base endpoint with a signal's path, as the specification builds it. */
export function signalUrl(base: string, signal: 'logs' | 'traces'): string {
  return `${base.replace(/\/+$/, '')}/v1/${signal}`;
}

/** The version in the repository's package.json, found from this file (or the bundle) upward. */
export function appVersion(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (parsed.name === 'ledgerlens' && typeof parsed.version === 'string') return parsed.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return '0.0.0';
    dir = parent;
  }
}

/** One per process: instances behind a proxy (or a restarted one) are told apart. */
const INSTANCE_ID = randomUUID();

export const DEFAULT_SERVICE_NAME = 'ledgerlens-api';

/**
 * The resource every record and span carries: OTEL_RESOURCE_ATTRIBUTES, with OTEL_SERVICE_NAME
 * winning over a `service.name` there (as specified), the package's version and this process's ID.
 */
export function resourceAttributesOf(config: AppConfig, version: string): Record<string, string> {
  const given = parseKeyValueList(config.OTEL_RESOURCE_ATTRIBUTES);
  return {
    'service.version': version,
    'service.instance.id': INSTANCE_ID,
    ...given,
    'service.name': config.OTEL_SERVICE_NAME ?? given['service.name'] ?? DEFAULT_SERVICE_NAME,
  };
}

/**
 * The export's settings, or undefined when it is off: no OTLP endpoint set (neither the base one
 * nor a signal's), or OTEL_SDK_DISABLED=true.
 */
export function otelSettingsOf(
  config: AppConfig,
  version = appVersion(),
): OtelSettings | undefined {
  if (config.OTEL_SDK_DISABLED) return undefined;
  const base = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  const logsUrl =
    config.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT ?? (base ? signalUrl(base, 'logs') : undefined);
  const tracesUrl =
    config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? signalUrl(base, 'traces') : undefined);
  if (!logsUrl && !tracesUrl) return undefined;
  return {
    logsUrl,
    tracesUrl,
    headers: parseKeyValueList(config.OTEL_EXPORTER_OTLP_HEADERS),
    timeoutMillis: config.OTEL_EXPORTER_OTLP_TIMEOUT,
    resource: resourceAttributesOf(config, version),
  };
}
