import { parseBackupCommandArgs } from './backup-command-args';
import { CommandRefusal } from './command-refusal';
import { defaultBackupFile } from './database-backup';
import { majorVersionOf, libpqConnection } from './pg-tools';

describe('db:backup and db:restore arguments', () => {
  it('reads --file in both spellings and --force for a restore', () => {
    expect(parseBackupCommandArgs('db:backup', [])).toEqual({ force: false });
    expect(parseBackupCommandArgs('db:backup', ['--file', 'a.dump'])).toEqual({
      file: 'a.dump',
      force: false,
    });
    expect(parseBackupCommandArgs('db:restore', ['--file=b.dump', '--force'])).toEqual({
      file: 'b.dump',
      force: true,
    });
  });

  it('refuses a restore without a file, --force on a backup and unknown arguments', () => {
    expect(() => parseBackupCommandArgs('db:restore', [])).toThrow(/--file <dump>/);
    expect(() => parseBackupCommandArgs('db:backup', ['--force'])).toThrow(CommandRefusal);
    expect(() => parseBackupCommandArgs('db:backup', ['--file'])).toThrow(/unexpected argument/);
    expect(() => parseBackupCommandArgs('db:restore', ['x.dump'])).toThrow(/unexpected argument/);
  });
});

describe('backup helpers', () => {
  it('names the default dump after the UTC time', () => {
    expect(defaultBackupFile(new Date('2026-12-06T11:30:05.123Z'))).toBe(
      'backups/ledgerlens-20261206T113005Z.dump',
    );
  });

  it('reads the major version of a client program', () => {
    expect(majorVersionOf('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)')).toBe(15);
    expect(majorVersionOf('pg_restore (PostgreSQL) 18.1')).toBe(18);
    expect(majorVersionOf('something else 3.2')).toBeUndefined();
  });

  it('hands the password to libpq programs in the environment, not in their arguments', () => {
    const { dbname, env } = libpqConnection(
      'postgres://app:s%40cret@db.internal:5433/ledger?sslmode=require',
    );
    expect(dbname).toBe('postgres://app@db.internal:5433/ledger?sslmode=require');
    expect(env['PGPASSWORD']).toBe('s@cret');
  });
});
