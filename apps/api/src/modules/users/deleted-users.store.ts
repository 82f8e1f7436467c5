import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UsersTable } from '../../database/generated/db-tables';
import { Narrowed, rowsOf } from '../../database/typed-rows';

/** An account soft-deleted recently: who, and when. */
export type DeletedUser = Pick<Narrowed<UsersTable, { deleted_at: Date }>, 'id' | 'deleted_at'>;

interface LiveRow {
  live: boolean;
}

/**
 * Which accounts are deleted, for the auth module's check that a token's account still exists
 * (`DeletedAccounts`). A provider of its own, exported by `UsersModule`: the users module owns
 * the `users` table, and it imports nothing of auth, so the auth module can inject it without a
 * cycle between the two modules.
 */
@Injectable()
export class DeletedUsersStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The accounts soft-deleted in the last `seconds`. */
  deletedWithin(seconds: number): Promise<DeletedUser[]> {
    return rowsOf<DeletedUser>(
      this.dataSource,
      `SELECT id, deleted_at FROM users WHERE deleted_at > now() - make_interval(secs => $1)`,
      [seconds],
    );
  }

  /** True when the account exists and is not soft-deleted. */
  async isLive(userId: string): Promise<boolean> {
    const [{ live }] = await rowsOf<LiveRow>(
      this.dataSource,
      'SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL) AS live',
      [userId],
    );
    return live;
  }
}
