import { DataSourceOptions, Logger } from 'typeorm';
// migrations/ sits at the repository root by design and is compiled into the API bundle.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { migrations } from '../../../../migrations';

export const MIGRATIONS_TABLE = 'typeorm_migrations';

export type EntityList = NonNullable<DataSourceOptions['entities']>;

export interface QueryLogging {
  logger: Logger;
  /** Queries taking at least this long go to `logger.logQuerySlow`. */
  slowQueryMs: number;
}

/** One definition of the connection, shared by the app, the db:* commands and the tests. */
export function dataSourceOptions(
  url: string,
  entities: EntityList,
  poolSize = 10,
  queryLogging?: QueryLogging,
): DataSourceOptions {
  return {
    ...(queryLogging && {
      logger: queryLogging.logger,
      maxQueryExecutionTime: queryLogging.slowQueryMs,
    }),
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: poolSize, application_name: 'ledgerlens-api' },
  };
}
