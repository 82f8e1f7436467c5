import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { webAppHandler } from './web-app.handler';
import type { WebBuildOptions } from './web-build';

const WEB_APP_OPTIONS = Symbol('WEB_APP_OPTIONS');

interface WebAppOptions extends WebBuildOptions {
  /** Folder of the built SPA. */
  rootDir: string;
}

/** Serves the built SPA at `/` (see webAppHandler). */
@Module({})
export class WebAppModule implements OnModuleInit {
  static forRoot(options: WebAppOptions): DynamicModule {
    return { module: WebAppModule, providers: [{ provide: WEB_APP_OPTIONS, useValue: options }] };
  }

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_APP_OPTIONS) private readonly options: WebAppOptions,
  ) {}

  /** Runs once the routes are registered: the API's routes answer first, the SPA takes the rest. */
  onModuleInit(): void {
    const { rootDir, ...build } = this.options;
    this.adapterHost.httpAdapter.use(webAppHandler(rootDir, build));
  }
}
