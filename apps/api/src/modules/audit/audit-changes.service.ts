import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { USER_EMAILS, UserEmails } from '../../common/directory/user-emails';
import { NotFoundError } from '../../common/errors/domain-errors';
import { PaginationQuery } from '../../common/http/pagination.dto';
import { AuditChange } from './audit-change.entity';
import {
  AuditChangeDto,
  AuditChangeFilterDto,
  AuditChangePageDto,
  RecordHistoryDto,
} from './dto/audit-change.dto';
import { fieldChangesOf, isSoftDelete } from './record-diff';

/** User-owned tables whose history an owner may read. */
export type OwnedAuditedTable =
  'transactions' | 'budgets' | 'recurring_rules' | 'accounts' | 'savings_goals';

function toDto(change: AuditChange): AuditChangeDto {
  return { ...change, changedAt: change.changedAt.toISOString() };
}

/** Reads the row history: the admin's filtered list and an owner's history of one record. */
@Injectable()
export class AuditChangesService {
  constructor(
    @InjectRepository(AuditChange) private readonly changes: Repository<AuditChange>,
    @Inject(USER_EMAILS) private readonly userEmails: UserEmails,
  ) {}

  async find(filters: AuditChangeFilterDto, page: PaginationQuery): Promise<AuditChangePageDto> {
    const query = this.changes.createQueryBuilder('c');
    if (filters.table) query.andWhere('c.tableName = :table', { table: filters.table });
    if (filters.rowId) query.andWhere('c.rowId = :rowId', { rowId: filters.rowId });
    if (filters.userId) query.andWhere('c.userId = :userId', { userId: filters.userId });
    if (filters.action) query.andWhere('c.action = :action', { action: filters.action });
    if (filters.from) query.andWhere('c.changedAt >= :from', { from: filters.from });
    if (filters.to) query.andWhere('c.changedAt < :to', { to: filters.to });
    const [rows, total] = await query
      .orderBy('c.id', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { items: rows.map(toDto), total, page: page.page, limit: page.limit };
  }

  /**
   * Every change of one record of the signed-in user, oldest first, with a field-by-field diff.
   * The module owning `table` answers whether the record is theirs (`owns`), deleted or not.
   */
  async historyOfOwned(
    table: OwnedAuditedTable,
    id: string,
    owns: () => Promise<boolean>,
  ): Promise<RecordHistoryDto> {
    if (!(await owns())) throw new NotFoundError('No such record of yours');
    const changes = await this.changes.find({
      where: { tableName: table, rowId: id },
      order: { id: 'ASC' },
    });
    const actors = changes.flatMap((change) => (change.userId ? [change.userId] : []));
    const emails = await this.userEmails.emailsOf([...new Set(actors)]);
    return {
      items: changes.map((change) => ({
        id: change.id,
        action: change.action,
        deleted: isSoftDelete(change),
        changedAt: change.changedAt.toISOString(),
        userId: change.userId,
        userEmail: (change.userId && emails.get(change.userId)) ?? null,
        traceId: change.traceId,
        changes: fieldChangesOf(change),
      })),
    };
  }
}
