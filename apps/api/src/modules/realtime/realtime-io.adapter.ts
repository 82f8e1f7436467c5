import { INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { originAllowed } from './origin-policy';
import { connectRealtimeRedis, RealtimeRedis } from './realtime-redis';

/** Clients send small commands only; socket.io's default allows 1 MB a message. */
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface RealtimeAdapterOptions {
  /** CORS_ORIGINS, as HTTP uses them. */
  origins: readonly string[];
  /** REDIS_URL: with it, the Redis adapter. */
  redisUrl?: string;
  /** Prefix of the adapter's Redis channels: instances with the same one form one cluster. */
  redisPrefix: string;
}

/**
 * The socket.io server of the gateway, on the API's HTTP server: CORS_ORIGINS for browsers on
 * both transports and, with REDIS_URL, the Redis adapter, so that rooms, broadcasts and
 * `disconnectSockets` span every instance. Its Redis connections close with the app (Nest
 * disposes of the adapter after closing the server).
 */
export class RealtimeIoAdapter extends IoAdapter {
  private redis?: RealtimeRedis;

  constructor(
    app: INestApplication,
    private readonly options: RealtimeAdapterOptions,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const { origins, redisUrl, redisPrefix } = this.options;
    const server: Server = super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: MAX_MESSAGE_BYTES,
      cors: { origin: [...origins], credentials: true },
      allowRequest: (request, answer) =>
        answer(null, originAllowed(request.headers.origin, request.headers.host, origins)),
    } as ServerOptions);
    if (redisUrl) {
      this.redis = connectRealtimeRedis(redisUrl, redisPrefix);
      server.adapter(this.redis.adapter);
    }
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.redis?.close();
  }
}
