import { Injectable } from '@nestjs/common';
import { Span, SpanStatusCode } from '@opentelemetry/api';
import type {
  AfterQueryEvent,
  BeforeQueryEvent,
  EntitySubscriberInterface,
  QueryRunner,
} from 'typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../../common/context/request-context';
import { AppRedactor } from '../../common/redaction/app-redactor';
import { compactSql, UNLOGGED_QUERY_MARK } from '../../database/sql-logger';
import { OtelExport } from './otel-export';

interface PendingQuery {
  query: string;
  parameters: unknown;
  span: Span;
}

const TABLE = /\b(?:from|into|update|join)\s+((?:"[^"]+"|\w+)(?:\.(?:"[^"]+"|\w+))?)/i;

/** The SQLSTATE of a failed statement (the driver's error, as TypeORM's event passes it). */
function sqlStateOf(error: unknown): string | undefined {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** `SELECT`, `INSERT`… : the statement's first keyword. */
export function operationOf(sql: string): string | undefined {
  return /^\s*(?:\/\*.*?\*\/\s*)*([A-Za-z]+)/s.exec(sql)?.[1]?.toUpperCase();
}

/** The first table a statement names, without quotes. */
export function tableOf(sql: string): string | undefined {
  return TABLE.exec(sql)?.[1]?.replace(/"/g, '');
}

/**
 * A child span of the request's span for each statement TypeORM runs during a traced request
 * (TypeORM's query events: before and after each statement, in the caller's async context).
 * The statement text is compacted and cut as the SQL log does, and redacted; its parameters are
 * never exported. The log writer's own statements are left out, as they are from the SQL log.
 */
@Injectable()
export class QuerySpans implements EntitySubscriberInterface {
  /** Statements started and not yet answered, per query runner, in order. */
  private readonly pending = new WeakMap<QueryRunner, PendingQuery[]>();

  constructor(
    dataSource: DataSource,
    private readonly otel: OtelExport,
    private readonly requestContext: RequestContext,
    private readonly redactor: AppRedactor,
  ) {
    dataSource.subscribers.push(this);
  }

  beforeQuery(event: BeforeQueryEvent): void {
    if (event.query.startsWith(UNLOGGED_QUERY_MARK)) return;
    const parentSpanId = this.requestContext.traceContext?.spanId;
    if (!parentSpanId) return;
    const operation = operationOf(event.query);
    const table = tableOf(event.query);
    const span = this.otel.startChildSpan(
      parentSpanId,
      [operation, table].filter(Boolean).join(' ') || 'postgresql',
      {
        'db.system': 'postgresql',
        'db.system.name': 'postgresql',
        'db.statement': compactSql(this.redactor.redactText(event.query)),
        ...(operation && { 'db.operation.name': operation }),
        ...(table && { 'db.collection.name': table }),
      },
    );
    if (!span) return;
    const list = this.pending.get(event.queryRunner) ?? [];
    list.push({ query: event.query, parameters: event.parameters, span });
    this.pending.set(event.queryRunner, list);
  }

  afterQuery(event: AfterQueryEvent): void {
    const list = this.pending.get(event.queryRunner);
    if (!list) return;
    const index = list.findIndex(
      (entry) => entry.query === event.query && entry.parameters === event.parameters,
    );
    if (index < 0) return;
    const [{ span }] = list.splice(index, 1);
    if (!event.success) {
      const code = sqlStateOf(event.error);
      span.setAttribute('error.type', code ?? 'error');
      if (code) span.setAttribute('db.response.status_code', code);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  }
}
