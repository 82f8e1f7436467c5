import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserEmails } from '../../common/directory/user-emails';
import type { UsersTable } from '../../database/generated/db-tables';
import { rowsOf } from '../../database/typed-rows';

type EmailRow = Pick<UsersTable, 'id' | 'email'>;

/** Accounts' emails by ID, for the audit trail's record history (`USER_EMAILS`). */
@Injectable()
export class UserEmailsStore implements UserEmails {
  constructor(private readonly dataSource: DataSource) {}

  async emailsOf(ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await rowsOf<EmailRow>(
      this.dataSource,
      'SELECT id, email FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.email]));
  }
}
