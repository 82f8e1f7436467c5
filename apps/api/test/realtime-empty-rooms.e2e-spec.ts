import { RealtimeEvent } from '@ledgerlens/contracts';
import { randomUUID } from 'node:crypto';
import { createServer, Server as HttpServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { envelopeOf } from '../src/modules/realtime/envelope';
import { connectRealtimeRedis, RealtimeRedis } from '../src/modules/realtime/realtime-redis';
import { RealtimeServer } from '../src/modules/realtime/realtime-server';
import type { RealtimeIoServer } from '../src/modules/realtime/realtime-socket';
import { Rooms } from '../src/modules/realtime/rooms';
import { eventually } from './support/eventually';
import { closeClients, connectClient } from './support/realtime-clients';
import { startTestRedis, TestRedis } from './support/test-redis';

/** A socket.io server on a free loopback port whose sockets join `room`; answers it and its URL. */
async function ioServer(
  room: string,
  redis?: RealtimeRedis,
): Promise<{ io: RealtimeIoServer; http: HttpServer; url: string }> {
  const http = createServer();
  const io: RealtimeIoServer = new Server(http);
  if (redis) io.adapter(redis.adapter);
  io.on('connection', (socket) => socket.join(room));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const { port } = http.address() as AddressInfo;
  return { io, http, url: `http://127.0.0.1:${port}` };
}

const closeIo = (io: RealtimeIoServer) => io.close();

/** An envelope builder, marked by its trace ID, that counts its calls. */
function countedEnvelope(traceId: string) {
  return jest.fn(() => envelopeOf(RealtimeEvent.SessionEnded, { reason: 'expired' }, traceId));
}

describe('pushing to a room with nobody in it', () => {
  afterEach(() => closeClients());

  describe('with the in-memory adapter', () => {
    const joined = Rooms.user('joined');
    let io: RealtimeIoServer;
    let url: string;
    const realtime = new RealtimeServer();

    beforeAll(async () => {
      ({ io, url } = await ioServer(joined));
      realtime.attach(io);
    });
    afterAll(() => closeIo(io));

    it('builds and emits nothing for an empty room', async () => {
      await connectClient(url, undefined);
      const emitTo = jest.spyOn(io, 'to');
      const build = countedEnvelope('nobody');
      try {
        realtime.toRoom(Rooms.user('nobody'), build);
        expect(build).not.toHaveBeenCalled();
        expect(emitTo).not.toHaveBeenCalled();
      } finally {
        emitTo.mockRestore();
      }
    });

    it('still builds and emits once for a room with a joined socket', async () => {
      const client = await connectClient(url, undefined);
      const build = countedEnvelope('joined');
      realtime.toRoom(joined, build);
      expect(build).toHaveBeenCalledTimes(1);
      const received = await client.next(RealtimeEvent.SessionEnded);
      expect(received.traceId).toBe('joined');
    });
  });

  describe('with the Redis adapter, across two instances', () => {
    const joinedElsewhere = Rooms.user('on-the-other-instance');
    let redis: TestRedis;
    const connections: RealtimeRedis[] = [];
    const servers: RealtimeIoServer[] = [];

    beforeAll(async () => {
      redis = await startTestRedis();
    });
    afterAll(async () => {
      await Promise.all(servers.map(closeIo));
      await Promise.all(connections.map((connection) => connection.close()));
      await redis.stop();
    });

    it('publishes even when the room is empty on this instance', async () => {
      const prefix = `ledgerlens-test:${randomUUID()}`;
      connections.push(
        connectRealtimeRedis(redis.url, prefix),
        connectRealtimeRedis(redis.url, prefix),
      );
      const here = await ioServer(Rooms.user('here'), connections[0]);
      const there = await ioServer(joinedElsewhere, connections[1]);
      servers.push(here.io, there.io);
      const client = await connectClient(there.url, undefined);
      // Both instances subscribed to the cluster's channel before anything is published.
      await eventually(async () => expect(await here.io.sockets.adapter.serverCount()).toBe(2));
      expect(here.io.sockets.adapter.rooms.has(joinedElsewhere)).toBe(false);
      const realtime = new RealtimeServer();
      realtime.attach(here.io);
      const build = countedEnvelope('on-the-other-instance');

      realtime.toRoom(joinedElsewhere, build);

      expect(build).toHaveBeenCalledTimes(1);
      const received = await client.next(RealtimeEvent.SessionEnded);
      expect(received.traceId).toBe('on-the-other-instance');
    });
  });
});
