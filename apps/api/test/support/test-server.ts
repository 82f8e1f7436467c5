import { RunningDatabase } from '../../src/database/embedded-postgres';

// Jest shares globals (not module state) between global setup and global teardown.
const KEY = Symbol.for('ledgerlens.test.embeddedServer');
type Holder = { [KEY]?: RunningDatabase };

/** The embedded server global setup started, for global teardown to stop. */
export function setTestServer(server: RunningDatabase): void {
  (globalThis as Holder)[KEY] = server;
}

export function takeTestServer(): RunningDatabase | undefined {
  const server = (globalThis as Holder)[KEY];
  delete (globalThis as Holder)[KEY];
  return server;
}
