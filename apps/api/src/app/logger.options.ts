import { Writable } from 'node:stream';
import { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { traceIdOf } from '../common/context/trace-id';
import { AppConfig } from '../config/app-config';

/** Header and body keys whose values never reach a log line. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  '*.secret',
];

/** Logger settings; `destination` replaces stdout (tests read the lines from it). */
export function loggerOptions(config: AppConfig, destination?: Writable): Params {
  const pretty =
    !destination &&
    (config.LOG_PRETTY ?? (config.NODE_ENV !== 'production' && Boolean(process.stdout.isTTY)));
  const options: Options = {
    level: config.LOG_LEVEL,
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
    serializers: {
      req: (request: { method: string; url: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
      }),
      res: (response: { statusCode: number }) => ({ status: response.statusCode }),
    },
    redact: { paths: REDACTED_LOG_PATHS, censor: '[REDACTED]' },
    autoLogging: { ignore: (request) => request.url?.startsWith('/api/v1/health') ?? false },
    transport: pretty
      ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
      : undefined,
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
