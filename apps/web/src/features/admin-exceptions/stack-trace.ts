/** One line of a stack trace as the page shows it. */
export interface StackLine {
  text: string;
  /** Our code (highlighted); library, runtime and native frames are not. */
  inApp: boolean;
}

/**
 * A stack trace cut into what the page shows open (the message and runs of in-app frames) and
 * what it folds (each run of library frames, behind one toggle).
 */
export type StackSegment =
  | { kind: 'message'; lines: string[] }
  | { kind: 'app'; lines: StackLine[] }
  | { kind: 'library'; lines: StackLine[] };

/** `    at fn (location)` or `    at location` (V8: Node, Chrome, Edge). */
const V8_FRAME = /^\s*at\s+(?:.+?\s+\((.+)\)|(.+))\s*$/;
/** `fn@location:line:column` (Firefox, Safari). */
const GECKO_FRAME = /^\s*(?:[^@\s]*|global code|eval code|module code)@(\S+)\s*$/;
const LINE_AND_COLUMN = /(?::\d+){1,2}$/;

/* The same rules as the API's grouping (exceptions/grouping/stack-frames.ts), so the frames
   highlighted here are the ones its culprit and fingerprint are made of. */
const NOT_IN_APP = [
  /(^|\/)node_modules\//,
  /^node:/,
  /^internal\//,
  /^(?:chrome|moz|safari(?:-web)?|webkit-masked)-extension:/,
  /^webpack\/(?:bootstrap|runtime)/,
];
const NATIVE = /^(?:native|<anonymous>|\[native code\]|index \d+|eval code|debugger eval code)$/;

/** Where a frame line points, or undefined when the line is not a frame. */
function frameLocation(line: string): string | undefined {
  const v8 = V8_FRAME.exec(line);
  if (v8) return (v8[1] ?? v8[2])?.trim();
  return GECKO_FRAME.exec(line)?.[1];
}

function isInApp(location: string): boolean {
  if (NATIVE.test(location) || location.startsWith('eval at ')) return false;
  if (!LINE_AND_COLUMN.test(location)) return false;
  const path = location
    .replace(LINE_AND_COLUMN, '')
    .replace(/^file:\/\//, '')
    .replace(/\\/g, '/')
    // A browser frame's URL: judge its path, not its origin.
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\/?/i, (origin) =>
      /-extension:/.test(origin) ? origin : '',
    );
  return !NOT_IN_APP.some((pattern) => pattern.test(path));
}

/**
 * Splits a stack into segments, in order: the lines before the first frame (the message), then
 * alternating runs of in-app and library frames. Lines after the first frame that are not
 * frames (`caused by …`) count as library lines, so they fold with their neighbours.
 */
export function foldStack(stack: string | null | undefined): StackSegment[] {
  if (!stack) return [];
  const segments: StackSegment[] = [];
  const message: string[] = [];
  let seenFrame = false;
  for (const text of stack.replace(/\r\n/g, '\n').split('\n')) {
    const location = frameLocation(text);
    if (!seenFrame && location === undefined) {
      if (text.trim() !== '') message.push(text);
      continue;
    }
    seenFrame = true;
    if (text.trim() === '') continue;
    const inApp = location !== undefined && isInApp(location);
    const kind = inApp ? 'app' : 'library';
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.lines.push({ text: text.trim(), inApp });
    else segments.push({ kind, lines: [{ text: text.trim(), inApp }] });
  }
  return message.length > 0 ? [{ kind: 'message', lines: message }, ...segments] : segments;
}
