import { CommandRefusal } from './command-refusal';

/** What db:backup and db:restore read after the command name. */
export interface BackupCommandArgs {
  file?: string;
  force: boolean;
}

export const BACKUP_USAGE =
  'Usage: db:backup [--file <dump>]  |  db:restore --file <dump> [--force]\n' +
  '  (through npm: npm run db:backup -- --file <dump>)';

/** `--file <path>` or `--file=<path>`, and `--force` (db:restore only). */
export function parseBackupCommandArgs(
  command: 'db:backup' | 'db:restore',
  args: readonly string[],
): BackupCommandArgs {
  const parsed: BackupCommandArgs = { force: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--file' && args[i + 1] !== undefined) parsed.file = args[++i];
    else if (arg.startsWith('--file=') && arg.length > '--file='.length)
      parsed.file = arg.slice('--file='.length);
    else if (arg === '--force' && command === 'db:restore') parsed.force = true;
    else throw new CommandRefusal(`${command}: unexpected argument '${arg}'.\n${BACKUP_USAGE}`);
  }
  if (command === 'db:restore' && !parsed.file) {
    throw new CommandRefusal(
      `db:restore needs the dump to restore: --file <dump>.\n${BACKUP_USAGE}`,
    );
  }
  return parsed;
}
