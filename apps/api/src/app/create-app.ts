import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { AppModule, AppModuleOptions } from './app.module';
import { configureApp } from './configure-app';

/** Builds the configured, initialised (not listening) application. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(options), new ExpressAdapter(), {
    bufferLogs: true,
  });
  configureApp(app, options.config);
  await app.init();
  return app;
}
