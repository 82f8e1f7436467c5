/** One frame of a stack trace, without its line and column. */
export interface StackFrame {
  /** The function, or undefined for top-level code. */
  function?: string;
  /** Normalised path (see `normaliseFramePath`), or undefined for native and internal frames. */
  file?: string;
  /** Our code: not a dependency (`node_modules`), not Node, a browser or an extension. */
  inApp: boolean;
}

/** Only this many lines of a stack are read. */
const MAX_STACK_LINES = 200;

/** `    at fn (location)` or `    at location` (V8: Node, Chrome, Edge). */
const V8_FRAME = /^\s*at\s+(?:(.+?)\s+\((.+)\)|(.+))\s*$/;
/** `fn@location:line:column` (Firefox, Safari); read only in stacks without V8 frames. */
const GECKO_FRAME = /^\s*([^@\s]*|global code|eval code|module code)@(\S+?:\d+(?::\d+)?)\s*$/;
const LINE_AND_COLUMN = /(?::\d+){1,2}$/;

const NOT_IN_APP = [
  /(^|\/)node_modules\//,
  /^node:/,
  /^internal\//,
  /^(?:chrome|moz|safari(?:-web)?|webkit-masked)-extension:/,
  /^webpack\/(?:bootstrap|runtime)/,
];
const NATIVE = /^(?:native|<anonymous>|\[native code\]|index \d+|eval code|debugger eval code)$/;

/** Folders a repository path starts at: `/srv/release-42/dist/apps/api/main.js` → `apps/api/main.js`. */
const ROOT_FOLDERS = new Set(['apps', 'libs', 'packages']);
/** Without a root folder, a path keeps this many of its last segments. */
const KEPT_SEGMENTS = 3;

/** A file name's extension, with a `.chunk`/`.min`/`.bundle` before it: `main.3f2a1b9c.chunk.js`. */
const EXTENSION = /(?:\.(?:chunk|min|bundle))?\.[A-Za-z0-9]{1,6}$/;
/** Bundlers end a name with 8–32 hex digits (webpack) or 8 base64url characters (Rollup, Vite). */
const HEX_HASH = /[.-]([0-9a-f]{8,32})$/i;
const BASE64URL_HASH = /[.-]([A-Za-z0-9_-]{8})$/;

function isBase64UrlHash(token: string): boolean {
  // A digit, `_` or `-`, or two capitals among lower-case letters (`DiwrgTda`, not `Settings`).
  return /[\d_-]/.test(token) || (/[A-Z].*[A-Z]/.test(token) && /[a-z]/.test(token));
}

/** `index-DiwrgTda.js` → `index.js`; `main.3f2a1b9c.chunk.js` → `main.chunk.js`. */
function withoutBuildHash(name: string): string {
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - extension.length);
  const hex = HEX_HASH.exec(stem);
  if (hex && hex.index > 0 && /\d/.test(hex[1])) return stem.slice(0, hex.index) + extension;
  const base64 = BASE64URL_HASH.exec(stem);
  if (base64 && base64.index > 0 && isBase64UrlHash(base64[1])) {
    return stem.slice(0, base64.index) + extension;
  }
  return name;
}

/**
 * A frame's location as the same text on every machine and build: no URL origin or scheme, no
 * query, no line or column, no absolute prefix (from the repository's `apps/`, `libs/` or
 * `packages/` folder, else the last three segments), no build hash in the file name.
 */
export function normaliseFramePath(location: string): string {
  let path = location.trim().replace(LINE_AND_COLUMN, '');
  path = path.replace(/[?#].*$/, '');
  path = path.replace(/^webpack:\/\/[^/]*\//, '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  path = path.replace(/\\/g, '/').replace(/^\/?[A-Za-z]:\//, '/');
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  let root = -1;
  kept.forEach((segment, index) => {
    if (ROOT_FOLDERS.has(segment) && index < kept.length - 1) root = index;
  });
  const relative = root >= 0 ? kept.slice(root) : kept.slice(-KEPT_SEGMENTS);
  if (relative.length > 0) {
    relative[relative.length - 1] = withoutBuildHash(relative[relative.length - 1]);
  }
  return relative.join('/');
}

/**
 * `async Foo.bar` → `Foo.bar`; `Foo.apply [as bar]` (a method called by another name than its
 * function's) → `Foo.bar`; `Object.<anonymous>` → `<anonymous>`.
 */
function functionNameOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const name = raw
    .replace(/^(?:async|new)\s+/, '')
    .replace(/^((?:[^\s.[]+\.)*)[^\s[]*\s*\[as ([^\]]+)\]$/, '$1$2')
    .replace(/^Object\.<anonymous>$/, '<anonymous>')
    .trim();
  return name === '' ? undefined : name;
}

function frameOf(fn: string | undefined, location: string): StackFrame {
  const name = functionNameOf(fn);
  const where = location.trim();
  // `eval at fn (file:1:2), <anonymous>:1:1`: the frame is code made by eval.
  if (NATIVE.test(where) || where.startsWith('eval at ') || !LINE_AND_COLUMN.test(where)) {
    return { function: name, inApp: false };
  }
  const raw = where.replace(LINE_AND_COLUMN, '').replace(/^file:\/\//, '');
  const inApp = !NOT_IN_APP.some((pattern) => pattern.test(raw.replace(/\\/g, '/')));
  return { function: name, file: normaliseFramePath(where), inApp };
}

/** The frames of a V8 or Firefox/Safari stack trace, innermost first; other lines are skipped. */
export function parseStack(stack: string | null | undefined): StackFrame[] {
  if (!stack) return [];
  const lines = stack.split('\n', MAX_STACK_LINES);
  const v8Frames = lines.flatMap((line) => {
    const match = V8_FRAME.exec(line);
    if (!match) return [];
    return [match[2] !== undefined ? frameOf(match[1], match[2]) : frameOf(undefined, match[3])];
  });
  if (v8Frames.length > 0) return v8Frames;
  return lines.flatMap((line) => {
    const match = GECKO_FRAME.exec(line);
    return match ? [frameOf(match[1], match[2])] : [];
  });
}

/** `Foo.bar (apps/api/src/foo.ts)`, or just the path. */
export function describeFrame(frame: StackFrame): string {
  if (!frame.file) return frame.function ?? '<unknown>';
  return frame.function ? `${frame.function} (${frame.file})` : frame.file;
}
