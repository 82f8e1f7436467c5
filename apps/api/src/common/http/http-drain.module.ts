import { Global, Module } from '@nestjs/common';
import { HttpDrain } from './http-drain';

/** One `HttpDrain` for the application: `main.ts` runs it on SIGTERM, health reads its state. */
@Global()
@Module({ providers: [HttpDrain], exports: [HttpDrain] })
export class HttpDrainModule {}
