import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntityList, QueryLogging, dataSourceOptions } from './data-source-options';
import { UserContext } from './user-context';

export interface DatabaseModuleOptions {
  url: string;
  entities: EntityList;
  poolSize: number;
  runMigrations: boolean;
  queryLogging?: QueryLogging;
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(
            options.url,
            options.entities,
            options.poolSize,
            options.queryLogging,
          ),
          migrationsRun: options.runMigrations,
          retryAttempts: 3,
          retryDelay: 1000,
        }),
      ],
      providers: [UserContext],
      exports: [UserContext],
    };
  }
}
