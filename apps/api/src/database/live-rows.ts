import { EntityManager, EntityTarget, FindOptionsWhere, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { NotFoundError } from '../common/errors/domain-errors';
import { AuditedEntity } from './audited.entity';

function liveRow<T extends AuditedEntity>(id: string): FindOptionsWhere<T> {
  return { id, deletedAt: IsNull() } as FindOptionsWhere<T>;
}

/**
 * Writes to a row that is not soft-deleted (and, under Row-Level Security, is the caller's), in
 * one statement; the affected-row count says whether it existed, so no lookup comes first.
 */
export async function updateLive<T extends AuditedEntity>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  changes: QueryDeepPartialEntity<T>,
  notFound: () => NotFoundError,
): Promise<void> {
  const result = await manager.update(entity, liveRow<T>(id), changes);
  if (!result.affected) throw notFound();
}

export async function softDeleteLive<T extends AuditedEntity>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  notFound: () => NotFoundError,
): Promise<void> {
  const result = await manager.softDelete(entity, liveRow<T>(id));
  if (!result.affected) throw notFound();
}

/**
 * Whether the row `id` exists for the caller, soft-deleted or not: under Row-Level Security,
 * whether it is theirs (a record's history outlives its deletion).
 */
export function ownsRow<T extends AuditedEntity>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
): Promise<boolean> {
  return manager.exists(entity, { where: { id } as FindOptionsWhere<T>, withDeleted: true });
}
