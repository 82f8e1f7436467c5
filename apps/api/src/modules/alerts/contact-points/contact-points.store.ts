import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { NotificationChannelsTable } from '../../../database/generated/db-tables';
import { oneRowOf } from '../../../database/typed-rows';

/** What `notification_channels` needs beyond its entity: SQL the repository API cannot say. */
@Injectable()
export class ContactPointsStore {
  /** Whether a live contact point other than `exceptId` has this name, in any letter case. */
  async nameTaken(manager: EntityManager, name: string, exceptId?: string): Promise<boolean> {
    const clash = await oneRowOf<Pick<NotificationChannelsTable, 'id'>>(
      manager,
      `SELECT id FROM notification_channels
       WHERE lower(name) = lower($1) AND deleted_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [name, exceptId ?? null],
    );
    return clash !== undefined;
  }
}
