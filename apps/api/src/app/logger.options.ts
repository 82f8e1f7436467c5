import { LOG_LEVELS, LogLevel } from '@ledgerlens/contracts';
import type { Redactor } from '@ledgerlens/redaction';
import { Writable } from 'node:stream';
import { Params } from 'nestjs-pino';
import pino, { DestinationStream, StreamEntry } from 'pino';
import type { Options } from 'pino-http';
import { traceIdOf } from '../common/context/trace-id';
import { apiPath } from '../common/http/api-prefix';
import { logRedaction } from '../common/redaction/log-redaction';
import { AppConfig } from '../config/app-config';

export interface LogDestinations {
  /** Replaces stdout (tests read the lines from it). */
  console?: Writable;
  /** Receives the lines at or above LOG_PERSIST_LEVEL, to store them. */
  store?: DestinationStream;
}

type LevelSetting = AppConfig['LOG_LEVEL'];

/** Health checks poll often: their requests are not logged. */
const HEALTH_PATH = apiPath('health');

function isActive(level: LevelSetting): level is LogLevel {
  return level !== 'silent';
}

function lowest(levels: LogLevel[]): LevelSetting {
  return levels.length === 0
    ? 'silent'
    : levels.reduce((low, level) =>
        LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(low) ? level : low,
      );
}

function consoleStream(config: AppConfig, destination?: Writable): DestinationStream {
  if (destination) return destination;
  const pretty =
    config.LOG_PRETTY ?? (config.NODE_ENV !== 'production' && Boolean(process.stdout.isTTY));
  return pretty
    ? pino.transport({
        target: 'pino-pretty',
        options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' },
      })
    : pino.destination(1);
}

/**
 * Headers and bodies are never logged: a request is its method, path and status. pino-http hands
 * these serializers what pino's own req and res serializers made.
 */
export const REQUEST_SERIALIZERS = {
  req: (request: { method: string; url: string }) => ({
    method: request.method,
    path: request.url.split('?')[0],
  }),
  res: (response: { statusCode: number }) => ({ status: response.statusCode }),
};

/** Whether debug lines are written anywhere (console or store). */
export function debugLogged(config: AppConfig): boolean {
  return [config.LOG_LEVEL, config.LOG_PERSIST_LEVEL].some(
    (level) => isActive(level) && LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf('debug'),
  );
}

/**
 * Logger settings: one pino logger writing to the console and, when given, to the log store.
 * Every part of a line is redacted before pino serialises it (`logRedaction`), so console and
 * store get the same, secret-free line, serialised once.
 */
export function loggerOptions(
  config: AppConfig,
  redactor: Redactor,
  destinations: LogDestinations = {},
): Params {
  const streams: StreamEntry[] = [];
  if (isActive(config.LOG_LEVEL)) {
    streams.push({ level: config.LOG_LEVEL, stream: consoleStream(config, destinations.console) });
  }
  if (destinations.store && isActive(config.LOG_PERSIST_LEVEL)) {
    streams.push({ level: config.LOG_PERSIST_LEVEL, stream: destinations.store });
  }
  const options: Options = {
    level: lowest(streams.map((entry) => entry.level as LogLevel)),
    genReqId: (request) => traceIdOf(request),
    // The trace ID is bound to the request's logger: every line logged during the request has it.
    customAttributeKeys: { reqId: 'traceId' },
    quietReqLogger: true,
    customProps: (request) => {
      const user = (request as { user?: { id: string } }).user;
      return user ? { userId: user.id } : {};
    },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    ...logRedaction(redactor, REQUEST_SERIALIZERS),
    autoLogging: { ignore: (request) => request.url?.startsWith(HEALTH_PATH) ?? false },
  };
  return { pinoHttp: [options, pino.multistream(streams)] };
}
