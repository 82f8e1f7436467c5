import { Type as Class } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { OptionalInteger } from './optional-fields';

/** The last page a list serves: beyond it an offset stops being a sane query (and `1e308` is an integer). */
export const MAX_PAGE = 100_000;

/** Query parameters of a page: `page` from 1, `limit` up to `maxLimit`. */
export interface PaginationQuery {
  page: number;
  limit: number;
  readonly offset: number;
}

/**
 * A `page`/`limit` query class with its own default and maximum page size, optionally extending
 * a class of filters: `class Q extends PaginationQueryOf(50, 200, FiltersDto) {}`.
 */
export function PaginationQueryOf<TBase extends object = object>(
  defaultLimit: number,
  maxLimit: number,
  Base: Class<TBase> = class {} as Class<TBase>,
): Class<TBase & PaginationQuery> {
  class PaginationQueryDto extends (Base as Class<object>) implements PaginationQuery {
    @OptionalInteger({ min: 1, max: MAX_PAGE, default: 1 })
    page = 1;

    @OptionalInteger({ min: 1, max: maxLimit, default: defaultLimit })
    limit = defaultLimit;

    get offset(): number {
      return (this.page - 1) * this.limit;
    }
  }
  return PaginationQueryDto as Class<TBase & PaginationQuery>;
}

export class PaginationQueryDto extends PaginationQueryOf(20, 100) {}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** An OpenAPI-described page of `item`: `class TransactionPageDto extends PageOf(TransactionDto) {}`. */
export function PageOf<T>(item: Class<T>): Class<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({ type: 'integer', description: 'Matching rows in all pages' })
    total: number;

    @ApiProperty({ type: 'integer' })
    page: number;

    @ApiProperty({ type: 'integer' })
    limit: number;
  }
  return PageOfItems;
}
