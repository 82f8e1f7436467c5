import { Injectable, OnModuleInit } from '@nestjs/common';
import { AfterQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';
import { MONITORING_QUERY_MARK } from '../storage/monitoring-sql';
import { MetricsRecorder } from './metrics-recorder';

/**
 * Times every successful query through TypeORM's `afterQuery` event, which carries the duration
 * the query runner measured (whole milliseconds, the same figure its slow-query logging uses).
 * The monitoring module's own statements are left out. Joins the data source's subscribers when
 * capture is on.
 */
@Injectable()
export class QueryTimingSubscriber implements EntitySubscriberInterface, OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: MetricsRecorder,
  ) {}

  /**
   * No entity is one of these, so TypeORM leaves this subscriber out of every entity event
   * (loads, inserts, …) and only calls `afterQuery`.
   */
  listenTo(): typeof QueryTimingSubscriber {
    return QueryTimingSubscriber;
  }

  onModuleInit(): void {
    if (this.recorder.captureEnabled) this.dataSource.subscribers.push(this);
  }

  afterQuery(event: AfterQueryEvent): void {
    if (!event.success || event.executionTime === undefined) return;
    if (event.query.startsWith(MONITORING_QUERY_MARK)) return;
    this.recorder.recordQuery(
      event.query,
      Array.isArray(event.parameters) ? event.parameters : undefined,
      event.executionTime,
    );
  }
}
