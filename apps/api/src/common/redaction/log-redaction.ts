import type { Redactor } from '@ledgerlens/redaction';
import pino, { LogFn, Logger, LoggerOptions } from 'pino';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- pino's serializers take anything
type Serializer = (value: any) => unknown;

/** pino's keys for the message and for the error its error serializer takes (its defaults). */
const MESSAGE_KEY = 'msg';
const ERROR_KEY = 'err';

/** Serialises a child's bindings: `chindingsSym` holds them as JSON text, `,"key":value…`. */
const { chindingsSym } = pino.symbols;
type WithBindings = Logger & { [chindingsSym]: string };

const asIs: Serializer = (value) => value;

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export type LogRedactionOptions = Required<
  Pick<LoggerOptions, 'serializers' | 'formatters' | 'hooks' | 'onChild'>
>;

/**
 * pino settings that redact every part of a log line before pino's one serialisation, so no
 * line is parsed and serialised again:
 *
 * - every serializer (`serializers`, plus the message's and the error's) has its output redacted:
 *   pino applies them to the merge object's keys and to child bindings of those keys, pino-http
 *   first applies pino's own `req`, `res` and `err` serializers to them, and the message
 *   serializer sees the message after interpolation (`%s`, `%o`…) and after pino took an
 *   error's message for a line without one;
 * - `hooks.logMethod` redacts plain-object interpolation arguments before pino turns them into
 *   text (`%o` of `{ password }`: a secret's key is lost in text, so text rules cannot see it);
 * - `formatters.log` redacts the merge object's other keys (it runs before the serializers);
 * - `formatters.bindings` the root logger's bindings, and `onChild` each child's: pino calls
 *   `formatters.bindings` for the root only and has serialised a child's bindings by the time it
 *   calls `onChild`, so these few bytes are parsed once per child (pino-http makes two or three
 *   a request) and replaced by their redacted JSON.
 *
 * Bindings added later with `setBindings` (nestjs-pino's `assign`) are not seen: the API adds none.
 */
export function logRedaction(
  redactor: Redactor,
  serializers: Record<string, Serializer>,
): LogRedactionOptions {
  const redacting = Object.fromEntries(
    Object.entries({ [MESSAGE_KEY]: asIs, [ERROR_KEY]: asIs, ...serializers }).map(
      ([key, serialize]) => [key, (value: unknown) => redactor.redact(serialize(value))],
    ),
  );
  const serialised = new Set(Object.keys(redacting));

  /** The merge object redacted, but for the keys a serializer redacts (after serialising them). */
  function redactMergeObject(object: Record<string, unknown>): Record<string, unknown> {
    const others: Record<string, unknown> = {};
    const bySerializer: Record<string, unknown> = {};
    for (const key of Object.keys(object)) {
      (serialised.has(key) ? bySerializer : others)[key] = object[key];
    }
    return Object.assign(redactor.redact(others), bySerializer);
  }

  function redactInterpolated(this: Logger, args: Parameters<LogFn>, method: LogFn): void {
    // The first argument is the merge object (formatters.log redacts it) or the message text.
    for (let index = 1; index < args.length; index++) {
      if (isPlainObject(args[index])) args[index] = redactor.redact(args[index]);
    }
    method.apply(this, args);
  }

  function redactOwnBindings(child: Logger): void {
    const logger = child as WithBindings;
    const inherited = (Object.getPrototypeOf(logger) as WithBindings)[chindingsSym] ?? '';
    const all = logger[chindingsSym];
    const base = all.startsWith(inherited) ? inherited : '';
    const own = all.slice(base.length);
    if (own === '') return;
    const redacted = JSON.stringify(redactor.redact(JSON.parse(`{${own.slice(1)}}`)));
    logger[chindingsSym] = `${base},${redacted.slice(1, -1)}`;
  }

  return {
    serializers: redacting,
    formatters: {
      bindings: (bindings) => redactor.redact(bindings),
      log: redactMergeObject,
    },
    hooks: { logMethod: redactInterpolated },
    onChild: redactOwnBindings,
  };
}
