import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Redactor } from '@ledgerlens/redaction';
import { AppRedactor } from './app-redactor';

/** Makes the app's one redactor injectable as `AppRedactor`. */
@Global()
@Module({})
export class RedactionModule {
  static forRoot(redactor: Redactor): DynamicModule {
    return {
      module: RedactionModule,
      providers: [{ provide: AppRedactor, useValue: redactor }],
      exports: [AppRedactor],
    };
  }
}
