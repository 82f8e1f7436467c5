import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { fieldNameOf } from '../http/field-names';
import { traceIdOf } from '../context/trace-id';
import { DomainError, FieldErrors } from './domain-errors';
import { reportException } from './exception-report';
import { reportRequestFailure } from './request-failure';
import {
  driverErrorOf,
  isDataError,
  isDatabaseUnavailable,
  PG_FOREIGN_KEY_VIOLATION,
  PG_NOT_NULL_VIOLATION,
  PG_UNIQUE_VIOLATION,
} from './postgres-errors';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldErrors;
  traceId: string;
}

interface Mapped {
  status: number;
  message: string;
  details?: FieldErrors;
}

/** Express refuses a malformed path or JSON body before any route: said in field terms. */
function fromParserError(cause: unknown): Mapped | undefined {
  if (cause instanceof URIError) {
    return {
      status: HttpStatus.BAD_REQUEST,
      message: 'Validation failed',
      details: { path: ['path has malformed percent-encoding or bytes that are not UTF-8'] },
    };
  }
  if (cause instanceof SyntaxError) {
    return {
      status: HttpStatus.BAD_REQUEST,
      message: 'Validation failed',
      details: { body: ['body must be valid JSON'] },
    };
  }
  return undefined;
}

function fromHttpException(exception: HttpException): Mapped {
  if (exception.getStatus() === HttpStatus.BAD_REQUEST) {
    const parserError = fromParserError(exception.cause);
    if (parserError) return parserError;
  }
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return { status, message: response };
  const body = response as { message?: unknown; details?: FieldErrors };
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  return {
    status,
    message: typeof message === 'string' ? message : exception.message,
    details: body.details,
  };
}

function fromQueryFailed(exception: unknown): Mapped | undefined {
  const driverError = driverErrorOf(exception);
  const code = driverError?.code ?? '';
  if (code === PG_UNIQUE_VIOLATION) {
    return { status: HttpStatus.CONFLICT, message: 'This conflicts with an existing record' };
  }
  if (code === PG_FOREIGN_KEY_VIOLATION) {
    return {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      message: 'This refers to a record that does not exist',
    };
  }
  if (code === PG_NOT_NULL_VIOLATION) {
    const column = driverError?.column ?? 'value';
    const field = fieldNameOf(column);
    return {
      status: HttpStatus.BAD_REQUEST,
      message: 'Validation failed',
      details: { [field]: [`${field} must not be null`] },
    };
  }
  if (isDataError(exception)) {
    return { status: HttpStatus.BAD_REQUEST, message: 'The data was rejected by a database rule' };
  }
  return undefined;
}

/**
 * Maps every error to one body shape; never sends a stack trace; logs what is unexpected and
 * announces every failure (`InternalEvent.RequestFailed`, which the action log records).
 * Server errors (5xx) also go to exception tracking; 4xx answers are not exceptions.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly context: RequestContext,
    @Optional() private readonly events?: EventEmitter2,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const mapped = this.map(exception);
    const http = host.switchToHttp();
    const response = http.getResponse<unknown>();
    // Errors raised before the request context exists (e.g. malformed JSON) still get a trace ID.
    const traceId = this.context.traceId ?? traceIdOf(http.getRequest());
    const { httpAdapter } = this.adapterHost;
    httpAdapter.setHeader(response, 'X-Trace-Id', traceId);
    if (mapped.status >= 500) {
      this.logger.error(
        { err: exception, traceId },
        exception instanceof Error ? exception.message : 'Unexpected error',
      );
      const request = http.getRequest<{ method?: string; originalUrl?: string; url?: string }>();
      reportException(this.events, {
        error: exception,
        origin: 'http',
        traceId,
        userId: this.context.actor?.id ?? null,
        request: { method: request.method, path: request.originalUrl ?? request.url },
        context: { statusCode: mapped.status },
      });
    }
    reportRequestFailure(this.events, {
      request: http.getRequest(),
      status: mapped.status,
      message: mapped.message,
      error: exception,
    });
    const body: ErrorBody = {
      statusCode: mapped.status,
      error: STATUS_CODES[mapped.status] ?? 'Error',
      message: mapped.message,
      ...(mapped.details ? { details: mapped.details } : {}),
      traceId,
    };
    httpAdapter.reply(response, body, mapped.status);
  }

  private map(exception: unknown): Mapped {
    if (exception instanceof DomainError) {
      return { status: exception.status, message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isDatabaseUnavailable(exception)) {
      return {
        status: HttpStatus.SERVICE_UNAVAILABLE,
        message: 'A dependency is unavailable; try again shortly',
      };
    }
    if (exception instanceof QueryFailedError) {
      const mapped = fromQueryFailed(exception);
      if (mapped) return mapped;
    }
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}
