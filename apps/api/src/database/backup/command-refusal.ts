/**
 * A backup or restore that stops on purpose, with a message that says what to do: printed without
 * a stack trace, since nothing went wrong in the code.
 */
export class CommandRefusal extends Error {
  override readonly name = 'CommandRefusal';
}
