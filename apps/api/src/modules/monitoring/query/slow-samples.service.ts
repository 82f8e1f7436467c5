import { Injectable } from '@nestjs/common';
import { apiPath } from '../../../common/http/api-prefix';
import { Page, PaginationQuery } from '../../../common/http/pagination.dto';
import { SlowQueryFilterDto, SlowRequestFilterDto } from '../dto/monitoring-query.dto';
import { SlowQueryDto, SlowRequestDto } from '../dto/slow-sample.dto';
import { SamplePage, SlowSamplesStore } from '../storage/slow-samples.store';

const LOGS_PATH = apiPath('logging/logs');

/** Where the SPA (or an admin with curl) finds every stored log line of a trace. */
export function logsUrlOf(traceId: string | null): string | null {
  return traceId ? `${LOGS_PATH}?traceId=${encodeURIComponent(traceId)}` : null;
}

/** A page of samples, each with the link to its trace's logs. */
function pageOf<Sample extends { traceId: string | null }>(
  { items, total }: SamplePage<Sample>,
  page: PaginationQuery,
): Page<Sample & { logsUrl: string | null }> {
  return {
    items: items.map((item) => ({ ...item, logsUrl: logsUrlOf(item.traceId) })),
    total,
    page: page.page,
    limit: page.limit,
  };
}

/** Slow requests and slow queries, filtered, newest or slowest first, a page at a time. */
@Injectable()
export class SlowSamplesService {
  constructor(private readonly store: SlowSamplesStore) {}

  async requests(
    filters: SlowRequestFilterDto,
    page: PaginationQuery,
  ): Promise<Page<SlowRequestDto>> {
    return pageOf(await this.store.requests(filters, page), page);
  }

  async queries(filters: SlowQueryFilterDto, page: PaginationQuery): Promise<Page<SlowQueryDto>> {
    return pageOf(await this.store.queries(filters, page), page);
  }
}
