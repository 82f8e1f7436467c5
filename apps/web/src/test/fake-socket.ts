/**
 * A stand-in for socket.io-client at the module boundary: jsdom has no server to talk to. In a
 * spec:
 *
 *   jest.mock('socket.io-client', () => (require('../../test/fake-socket') as typeof import('../../test/fake-socket')).socketIoModule);
 *
 * then `lastSocket()` is the socket the app opened, and its `accept()`, `refuse()`,
 * `failTransport()`, `drop()`, `kick()` and `send()` play the server and the network;
 * `commands` lists what the app sent with an acknowledgement, answered by `answerCommands`.
 */
type Listener = (...args: never[]) => void;

/** The part of socket.io's emitter the app uses. */
class FakeEmitter {
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    const forEvent = this.listeners.get(event) ?? new Set<Listener>();
    forEvent.add(listener);
    this.listeners.set(event, forEvent);
    return this;
  }

  off(event?: string, listener?: Listener): this {
    if (event === undefined) this.listeners.clear();
    else if (listener === undefined) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(listener);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      (listener as (...values: unknown[]) => void)(...args);
    }
  }
}

export interface FakeSocketOptions {
  path?: string;
  transports?: string[];
  auth?: (send: (data: object) => void) => void;
  [option: string]: unknown;
}

/** A command the app sent with `emitWithAck`, and the timeout it set for the answer. */
export interface SentCommand {
  event: string;
  args: unknown[];
  timeoutMs: number | undefined;
}

/** The fake server's answer to a command: a value, or a promise (reject it for a timeout). */
export type CommandAnswerer = (event: string, args: unknown[]) => unknown;

export class FakeSocket extends FakeEmitter {
  connected = false;
  /** Like socket.io's: true while the socket is connected or will try (again) by itself. */
  active = false;
  /** How often the app asked to connect. */
  connectCalls = 0;
  /** The manager (`socket.io`): reconnection events. */
  readonly io = new FakeEmitter();
  /** Commands sent with an acknowledgement, oldest first. */
  readonly commands: SentCommand[] = [];
  /** How the server answers commands: `{ ok: true }` unless a spec says otherwise. */
  answerCommands: CommandAnswerer = () => ({ ok: true });
  private readonly anyListeners = new Set<Listener>();
  private nextTimeoutMs: number | undefined;

  constructor(readonly options: FakeSocketOptions) {
    super();
  }

  connect(): this {
    this.connectCalls += 1;
    this.active = true;
    return this;
  }

  disconnect(): this {
    const wasConnected = this.connected;
    this.connected = false;
    this.active = false;
    if (wasConnected) this.emit('disconnect', 'io client disconnect');
    return this;
  }

  onAny(listener: Listener): this {
    this.anyListeners.add(listener);
    return this;
  }

  offAny(listener?: Listener): this {
    if (listener) this.anyListeners.delete(listener);
    else this.anyListeners.clear();
    return this;
  }

  /** Like socket.io's: the next `emitWithAck` rejects if unanswered after `ms`. */
  timeout(ms: number): this {
    this.nextTimeoutMs = ms;
    return this;
  }

  emitWithAck(event: string, ...args: unknown[]): Promise<unknown> {
    this.commands.push({ event, args, timeoutMs: this.nextTimeoutMs });
    this.nextTimeoutMs = undefined;
    return Promise.resolve().then(() => this.answerCommands(event, args));
  }

  /** What the handshake would carry now: the app's `auth` callback answer. */
  handshakeAuth(): Promise<object> {
    return new Promise((resolve) => this.options.auth?.(resolve));
  }

  /** The server accepts the handshake. */
  accept(): void {
    this.connected = true;
    this.active = true;
    this.emit('connect');
  }

  /** The server refuses the handshake (its middleware's error): socket.io will not retry. */
  refuse(message: string, code?: string): void {
    this.connected = false;
    this.active = false;
    this.emit('connect_error', Object.assign(new Error(message), code ? { data: { code } } : {}));
  }

  /** The transport fails (server down): socket.io retries by itself. */
  failTransport(message = 'websocket error'): void {
    this.connected = false;
    this.emit('connect_error', new Error(message));
  }

  /** socket.io starts another attempt after a failure or a loss. */
  reconnectAttempt(attempt = 1): void {
    this.io.emit('reconnect_attempt', attempt);
  }

  /** The connection is lost (network); socket.io will reconnect by itself. */
  drop(reason = 'transport close'): void {
    this.connected = false;
    this.emit('disconnect', reason);
  }

  /** The server closes this socket on purpose: socket.io will not reconnect by itself. */
  kick(): void {
    this.connected = false;
    this.active = false;
    this.emit('disconnect', 'io server disconnect');
  }

  /** The server sends an event. */
  send(event: string, payload: unknown): void {
    for (const listener of [...this.anyListeners]) {
      (listener as (...values: unknown[]) => void)(event, payload);
    }
    this.emit(event, payload);
  }
}

const opened: FakeSocket[] = [];

/** What `jest.mock('socket.io-client', …)` should return. */
export const socketIoModule = {
  io: (options: FakeSocketOptions) => {
    const socket = new FakeSocket(options);
    opened.push(socket);
    return socket;
  },
};

/** Every socket the app opened since the last reset, oldest first. */
export const openedSockets = (): readonly FakeSocket[] => opened;

/** The socket the app opened last. */
export function lastSocket(): FakeSocket {
  const socket = opened.at(-1);
  if (!socket) throw new Error('The app opened no socket');
  return socket;
}

export function resetFakeSockets(): void {
  opened.length = 0;
}
