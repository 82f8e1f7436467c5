/** `TypeError: …`, `Uncaught DOMException: …`, `Uncaught (in promise) AbortError: …` */
const TYPE_PREFIX =
  /^\s*(?:Uncaught\s+(?:\(in promise\)\s+)?)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*(?:Error|Exception|Rejection))(?::\s*|\s*$)/;
const IDENTIFIER = /^[A-Za-z_$][\w$.]{0,254}$/;

function typeAtStart(text: string | null | undefined): string | undefined {
  return text ? TYPE_PREFIX.exec(text)?.[1] : undefined;
}

/**
 * The type of an error known only as text (a browser's): named by the first line of its stack
 * or its message (`TypeError: x is undefined`), else by `errorType` in its context, else `Error`.
 */
export function exceptionTypeOf(
  message: string,
  stack: string | null | undefined,
  errorType?: unknown,
): string {
  return (
    typeAtStart(stack) ??
    typeAtStart(message) ??
    (typeof errorType === 'string' && IDENTIFIER.test(errorType) ? errorType : 'Error')
  );
}

/** The message without a leading `Uncaught TypeError: ` naming its type (the title adds it again). */
export function messageWithoutType(message: string, type: string): string {
  const match = TYPE_PREFIX.exec(message);
  return match && match[1] === type ? message.slice(match[0].length) : message;
}

/**
 * The type of a thrown value: an error's name (or its class's, when the class did not set one),
 * `Error` for anything else.
 */
export function typeOfThrown(value: unknown): string {
  if (!(value instanceof Error)) return 'Error';
  const className = value.constructor?.name;
  if (value.name && value.name !== 'Error') return value.name;
  return className && className !== 'Error' && className !== 'Object' ? className : 'Error';
}
