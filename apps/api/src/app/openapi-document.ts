import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { AppModule } from './app.module';
import { buildOpenApiDocument, configureRoutes } from './configure-app';

/**
 * The OpenAPI document without a database or a listening server: Nest's preview mode reads the
 * modules' metadata and instantiates no provider. `openapi:export` writes it for the typed client.
 */
export async function openApiDocumentOf(config: AppConfig): Promise<OpenAPIObject> {
  const app = await NestFactory.create(
    AppModule.forRoot({ config, databaseUrl: 'postgres://preview.invalid/none' }),
    new ExpressAdapter(),
    { preview: true, logger: false },
  );
  try {
    configureRoutes(app);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
