import type { AppConfig } from '../../../config/app-config';
import type { AppLogRecord } from '../../logging/persistence/app-log-record';
import type { RealtimeIoServer } from '../realtime-socket';
import { TailRelay } from './tail-relay';

type Handler = (...args: unknown[]) => void;

/** Servers that pass server-side events to each other, as the Redis adapter does. */
function cluster() {
  const servers: { handlers: Map<string, Handler>; up: boolean }[] = [];
  const others = (self: (typeof servers)[number]) =>
    servers.filter((server) => server !== self && server.up);
  const join = () => {
    const self = { handlers: new Map<string, Handler>(), up: true };
    servers.push(self);
    const server = {
      sockets: { on: (event: string, handler: Handler) => self.handlers.set(event, handler) },
      serverSideEmit: (event: string, ...args: unknown[]) => {
        if (!self.up) return true;
        for (const other of others(self)) other.handlers.get(event)?.(...args);
        return true;
      },
      serverSideEmitWithAck: async (event: string, ...args: unknown[]) =>
        others(self).map((other) => {
          let answer: unknown;
          other.handlers.get(event)?.(...args, (value: unknown) => (answer = value));
          return answer;
        }),
    };
    return { server: server as unknown as RealtimeIoServer, self };
  };
  return { join };
}

const clustered = { REDIS_URL: 'redis://redis:6379' } as AppConfig;
const batch = [{ message: 'stored' }] as AppLogRecord[];

function instance(join: ReturnType<typeof cluster>['join'], config = clustered) {
  const relay = new TailRelay(config);
  const delivered: AppLogRecord[][] = [];
  const { server, self } = join();
  relay.attach(server, (records) => delivered.push(records));
  return { relay, delivered, self };
}

describe('TailRelay', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends stored lines only to instances that said they have subscribers', async () => {
    const { join } = cluster();
    const first = instance(join);
    const second = instance(join);

    first.relay.forward(batch);
    expect(second.delivered).toEqual([]);

    await second.relay.setWanted(true);
    first.relay.forward(batch);
    expect(second.delivered).toEqual([batch]);

    await second.relay.setWanted(false);
    first.relay.forward(batch);
    expect(second.delivered).toHaveLength(1);
    [first, second].forEach(({ relay }) => relay.onModuleDestroy());
  });

  it('keeps sending while heartbeats come, and stops when an instance falls silent', async () => {
    const { join } = cluster();
    const first = instance(join);
    const second = instance(join);
    await second.relay.setWanted(true);

    jest.advanceTimersByTime(60_000);
    first.relay.forward(batch);
    expect(second.delivered).toHaveLength(1);

    second.self.up = false;
    jest.advanceTimersByTime(31_000);
    first.relay.forward(batch);
    expect(second.delivered).toHaveLength(1);
    [first, second].forEach(({ relay }) => relay.onModuleDestroy());
  });

  it('tells a new instance at once about subscribers elsewhere', async () => {
    const { join } = cluster();
    const first = instance(join);
    await first.relay.setWanted(true);
    const late = instance(join);
    late.relay.forward(batch);
    expect(first.delivered).toEqual([batch]);
    [first, late].forEach(({ relay }) => relay.onModuleDestroy());
  });

  it('does nothing without Redis: there are no other instances', async () => {
    const { join } = cluster();
    const lonely = new TailRelay({} as AppConfig);
    const { server } = join();
    const emit = jest.spyOn(server, 'serverSideEmit');
    lonely.attach(server, () => undefined);
    await lonely.setWanted(true);
    lonely.forward(batch);
    expect(emit).not.toHaveBeenCalled();
  });
});
