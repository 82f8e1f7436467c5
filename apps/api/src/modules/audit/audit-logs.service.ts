import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-errors';
import { AuditEvent } from './audit-event.entity';
import { AuditLogFilterDto } from './dto/audit-log-query.dto';
import { AuditLogDto } from './dto/audit-log.dto';

/** Rows read per query while exporting: memory stays flat however long the export is. */
const EXPORT_CHUNK = 1000;

/** `%`, `_` and `\` match themselves in a LIKE pattern built from user text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Reads the action log: filtered pages (newest first), single events and streamed exports. */
@Injectable()
export class AuditLogsService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** One page, newest first, and the count of all matching events. */
  async find(
    filters: AuditLogFilterDto,
    window: { offset: number; limit: number },
    onlyProblems = false,
  ): Promise<{ items: AuditLogDto[]; total: number }> {
    const query = this.filtered(filters, onlyProblems)
      .orderBy('e.occurredAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .offset(window.offset)
      .limit(window.limit);
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map(AuditLogDto.from), total };
  }

  async get(id: string): Promise<AuditLogDto> {
    const event = await this.events.findOneBy({ id });
    if (!event) throw new NotFoundError('No audit log entry with this ID');
    return AuditLogDto.from(event);
  }

  /** Every matching event, newest first, read in keyset chunks (no offset scans, no row cap). */
  async *stream(filters: AuditLogFilterDto): AsyncGenerator<AuditLogDto> {
    let after: { occurredAt: Date; id: string } | undefined;
    for (;;) {
      const query = this.filtered(filters, false)
        .orderBy('e.occurredAt', 'DESC')
        .addOrderBy('e.id', 'DESC')
        .limit(EXPORT_CHUNK);
      if (after) {
        query.andWhere('(e.occurredAt, e.id) < (:afterAt, :afterId)', {
          afterAt: after.occurredAt,
          afterId: after.id,
        });
      }
      const rows = await query.getMany();
      for (const row of rows) yield AuditLogDto.from(row);
      if (rows.length < EXPORT_CHUNK) return;
      const last = rows[rows.length - 1];
      after = { occurredAt: last.occurredAt, id: last.id };
    }
  }

  /** The events matching `filters`; `onlyProblems` keeps failures and severities from WARNING. */
  filtered(filters: AuditLogFilterDto, onlyProblems: boolean): SelectQueryBuilder<AuditEvent> {
    const query = this.events.createQueryBuilder('e');
    const equal: [keyof AuditLogFilterDto, string][] = [
      ['userId', 'actorId'],
      ['action', 'action'],
      ['resourceType', 'resourceType'],
      ['resourceId', 'resourceId'],
      ['result', 'result'],
      ['severity', 'severity'],
      ['source', 'source'],
    ];
    for (const [filter, column] of equal) {
      if (filters[filter] !== undefined) {
        query.andWhere(`e.${column} = :${filter}`, { [filter]: filters[filter] });
      }
    }
    if (filters.from) query.andWhere('e.occurredAt >= :from', { from: filters.from });
    if (filters.to) query.andWhere('e.occurredAt < :to', { to: filters.to });
    if (filters.q) {
      const q = likePattern(filters.q);
      query.andWhere(
        new Brackets((text) => text.where('e.message ILIKE :q', { q }).orWhere('e.ip ILIKE :q')),
      );
    }
    if (onlyProblems) {
      query.andWhere(`(e.result = 'failure' OR e.severity IN ('WARNING', 'ERROR', 'CRITICAL'))`);
    }
    return query;
  }
}
