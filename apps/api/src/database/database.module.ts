import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { EntityList, QueryLogging, dataSourceOptions } from './data-source-options';
import { runMigrationsOnce } from './startup-locks';
import { UserContext } from './user-context';

export interface DatabaseModuleOptions {
  url: string;
  entities: EntityList;
  poolSize: number;
  runMigrations: boolean;
  queryLogging?: QueryLogging;
}

/** Connects, then runs the pending migrations when asked, one instance at a time. */
async function openDataSource(
  options: DataSourceOptions,
  runMigrations: boolean,
): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  if (!runMigrations) return dataSource;
  try {
    await runMigrationsOnce(dataSource);
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    const connection = dataSourceOptions(
      options.url,
      options.entities,
      options.poolSize,
      options.queryLogging,
    );
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...connection, retryAttempts: 3, retryDelay: 1000 }),
          // Not TypeORM's migrationsRun: instances starting together must take turns.
          dataSourceFactory: () => openDataSource(connection, options.runMigrations),
        }),
      ],
      providers: [UserContext],
      exports: [UserContext],
    };
  }
}
