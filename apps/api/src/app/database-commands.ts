import { DataSource } from 'typeorm';
import { parseBackupCommandArgs } from '../database/backup/backup-command-args';
import { backupDatabase } from '../database/backup/database-backup';
import { restoreDatabase } from '../database/backup/database-restore';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrationsOnce } from '../database/startup-locks';
import { entities } from './entities';

export const DATABASE_COMMANDS = ['db:migrate', 'db:revert', 'db:backup', 'db:restore'] as const;
export type DatabaseCommand = (typeof DATABASE_COMMANDS)[number];

/** Commands that may run beside the app, on the embedded server it already runs. */
export const COMMANDS_BESIDE_THE_APP: readonly DatabaseCommand[] = ['db:backup', 'db:restore'];

/** Refuses wrong arguments before any database is opened or started. */
export function checkDatabaseCommandArgs(command: DatabaseCommand, args: readonly string[]): void {
  if (command === 'db:backup' || command === 'db:restore') parseBackupCommandArgs(command, args);
}

/**
 * `db:migrate` runs pending migrations; `db:revert` undoes the last one; `db:backup` writes a
 * dump and its manifest; `db:restore` restores one (see docs/operations.md).
 */
export async function runDatabaseCommand(
  command: DatabaseCommand,
  url: string,
  log: (line: string) => void,
  args: readonly string[] = [],
): Promise<void> {
  if (command === 'db:backup' || command === 'db:restore') {
    const { file, force } = parseBackupCommandArgs(command, args);
    if (command === 'db:backup') await backupDatabase({ url, file, log });
    else await restoreDatabase({ url, file: file as string, force, log });
    return;
  }
  const dataSource = await new DataSource(dataSourceOptions(url, entities, 2)).initialize();
  try {
    if (command === 'db:migrate') {
      // The same lock as the app's start: never beside an instance migrating the same database.
      const applied = await runMigrationsOnce(dataSource);
      log(
        applied.length
          ? `Applied ${applied.map((m) => m.name).join(', ')}`
          : 'No pending migrations',
      );
    } else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      log('Reverted the last migration');
    }
  } finally {
    await dataSource.destroy();
  }
}
