import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { entities } from './entities';

export const DATABASE_COMMANDS = ['db:migrate', 'db:revert'] as const;
export type DatabaseCommand = (typeof DATABASE_COMMANDS)[number];

/** `db:migrate` runs pending migrations; `db:revert` undoes the last one. */
export async function runDatabaseCommand(
  command: DatabaseCommand,
  url: string,
  log: (line: string) => void,
): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url, entities, 2)).initialize();
  try {
    if (command === 'db:migrate') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
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
