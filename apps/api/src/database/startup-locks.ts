import { DataSource, EntityManager, Migration, MigrationExecutor } from 'typeorm';
import { execute } from './typed-rows';

/** Keeps start-up locks apart from other advisory locks (the two-key form has its own key space). */
const LOCK_NAMESPACE = 'ledgerlens.startup';

/**
 * Work every instance does at start that must happen once: instances started at the same
 * moment on one database take turns, and the later ones find it done.
 */
export type StartupStep = 'migrations' | 'demo-seed';

const LOCK = 'SELECT pg_advisory_lock(hashtext($1), hashtext($2))';
const UNLOCK = 'SELECT pg_advisory_unlock(hashtext($1), hashtext($2))';

/**
 * Runs the pending migrations while holding a session-level advisory lock on the connection
 * that runs them: a second instance waits for the first to finish, then finds nothing pending.
 * One connection for both, so a pool of one cannot deadlock.
 */
export async function runMigrationsOnce(dataSource: DataSource): Promise<Migration[]> {
  const connection = dataSource.createQueryRunner();
  try {
    await connection.query(LOCK, [LOCK_NAMESPACE, 'migrations']);
    try {
      const executor = new MigrationExecutor(dataSource, connection);
      executor.transaction = dataSource.options.migrationsTransactionMode ?? 'each';
      return await executor.executePendingMigrations();
    } finally {
      await connection.query(UNLOCK, [LOCK_NAMESPACE, 'migrations']);
    }
  } finally {
    // A connection that failed to unlock is broken: the pool drops it, which ends the lock.
    await connection.release();
  }
}

/**
 * Waits until no other transaction holds `step`'s lock, and holds it until this transaction
 * ends: a transaction that checks whether the work is done after this sees the other's commit.
 */
export async function lockUntilCommit(manager: EntityManager, step: StartupStep): Promise<void> {
  await execute(manager, 'SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
    LOCK_NAMESPACE,
    step,
  ]);
}
