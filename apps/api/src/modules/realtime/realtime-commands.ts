import { CommandAck, RealtimeCommand } from '@ledgerlens/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { LiveTail } from './live-tail/live-tail';
import { parseLogTailFilter } from './live-tail/log-tail-filter';
import type { RealtimeSocket } from './realtime-socket';
import { Rooms } from './rooms';

type CommandName = (typeof RealtimeCommand)[keyof typeof RealtimeCommand];

const OK: CommandAck = { ok: true };

/**
 * What a client may ask over its socket: the admin streams (live tail with a filter, the action
 * log), each answered through the acknowledgement. Bound on the socket itself rather than with
 * `@SubscribeMessage`: the app's global guards and pipe are made for HTTP requests and would run
 * on every message; the handshake has already authenticated the socket.
 */
@Injectable()
export class RealtimeCommands {
  private readonly logger = new Logger('Realtime');

  constructor(private readonly liveTail: LiveTail) {}

  bind(socket: RealtimeSocket): void {
    this.handle(socket, RealtimeCommand.SubscribeLogs, async ([filter]) => {
      const parsed = parseLogTailFilter(filter);
      if ('problems' in parsed) {
        return {
          ok: false,
          error: { code: 'invalid', message: 'The filter is not valid', details: parsed.problems },
        };
      }
      await this.liveTail.subscribe(socket, parsed.filter);
      return OK;
    });
    this.handle(socket, RealtimeCommand.UnsubscribeLogs, async () => {
      this.liveTail.unsubscribe(socket);
      return OK;
    });
    this.handle(socket, RealtimeCommand.SubscribeAudit, async () => {
      await socket.join(Rooms.audit);
      return OK;
    });
    this.handle(socket, RealtimeCommand.UnsubscribeAudit, async () => {
      await socket.leave(Rooms.audit);
      return OK;
    });
  }

  /** Every command is for admins; a client that sent no acknowledgement gets no answer. */
  private handle(
    socket: RealtimeSocket,
    command: CommandName,
    run: (args: unknown[]) => Promise<CommandAck>,
  ): void {
    socket.on(command, (...args: unknown[]) => {
      const ack =
        typeof args.at(-1) === 'function'
          ? (args.pop() as (answer: CommandAck) => void)
          : undefined;
      const answer: Promise<CommandAck> =
        socket.data.user.role === 'admin'
          ? run(args)
          : Promise.resolve({
              ok: false,
              error: { code: 'forbidden', message: `${command} is for admins only` },
            });
      // Settles exactly once: failures become an error acknowledgement, so nothing is left unhandled.
      void answer
        .catch((error: unknown): CommandAck => {
          this.logger.error({ err: error, command }, 'A realtime command failed');
          return { ok: false, error: { code: 'failed', message: `${command} failed; try again` } };
        })
        .then((result) => ack?.(result));
    });
  }
}
