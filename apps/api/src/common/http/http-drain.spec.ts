import { Agent, createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpDrain } from './http-drain';

/** A loopback server whose `/slow` requests wait until `release` is called. */
async function serverWithSlowRoute() {
  const waiting: (() => void)[] = [];
  const server = createServer((incoming, response) => {
    const answer = () => response.end('done');
    if (incoming.url === '/slow') waiting.push(answer);
    else answer();
  });
  const drain = new HttpDrain();
  drain.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const release = () => waiting.splice(0).forEach((answer) => answer());
  return { server, drain, port, release, waiting };
}

function get(port: number, path: string, agent: Agent) {
  return new Promise<{ status: number; connection?: string }>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('HttpDrain', () => {
  let server: Server;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it('stops taking connections, lets a running request finish with Connection: close, then resolves', async () => {
    const slow = await serverWithSlowRoute();
    server = slow.server;
    const agent = new Agent({ keepAlive: true });
    const running = get(slow.port, '/slow', agent);
    await until(() => slow.waiting.length === 1);

    let drained = false;
    const drain = slow.drain.drain(5000).then(() => (drained = true));
    expect(slow.drain.draining).toBe(true);
    await expect(get(slow.port, '/fast', new Agent())).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(drained).toBe(false);

    slow.release();
    await expect(running).resolves.toEqual({ status: 200, connection: 'close' });
    await drain;
    expect(slow.drain.inFlight).toBe(0);
    agent.destroy();
  });

  it('closes idle keep-alive connections at once', async () => {
    const slow = await serverWithSlowRoute();
    server = slow.server;
    const agent = new Agent({ keepAlive: true });
    await get(slow.port, '/fast', agent);
    const closed = new Promise<void>((resolve) =>
      Object.values(agent.freeSockets)[0]?.[0]?.once('close', () => resolve()),
    );
    await slow.drain.drain(5000);
    await closed;
    agent.destroy();
  });

  it('gives up on requests still running after the timeout and closes their connections', async () => {
    const slow = await serverWithSlowRoute();
    server = slow.server;
    const running = get(slow.port, '/slow', new Agent());
    await until(() => slow.waiting.length === 1);
    const started = Date.now();
    await slow.drain.drain(100);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(running).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
