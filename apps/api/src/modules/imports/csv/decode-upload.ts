import { InvalidRequestError } from '../../../common/errors/domain-errors';

const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/** A refused file: the message says what is wrong with it, under the `file` field. */
export function badFile(message: string): InvalidRequestError {
  return new InvalidRequestError(message, { file: [message] });
}

/** The 1-based line of the first replaced (invalid) byte sequence in a lossy decoding. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const before = lossy.slice(0, lossy.indexOf('\ufffd'));
  return before.split('\n').length;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    throw badFile(
      `The file is not UTF-8 text (line ${line} holds bytes that are not UTF-8, as Windows-1252 or ` +
        'Latin-1 exports do). Save or export it as UTF-8 and upload it again.',
    );
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw badFile(
      'The file starts as UTF-16 text but holds bytes that are not UTF-16. Export it again as UTF-8.',
    );
  }
}

/**
 * The text of an uploaded file: UTF-8 with or without a byte order mark (the decoder drops it), or UTF-16 with one.
 * Anything else is refused with a message, never guessed: a wrong guess would store garbled
 * descriptions.
 */
export function decodeUpload(bytes: Uint8Array): string {
  let text: string;
  if (startsWith(bytes, UTF16LE_BOM)) text = decodeUtf16(bytes, 'utf-16le');
  else if (startsWith(bytes, UTF16BE_BOM)) text = decodeUtf16(bytes, 'utf-16be');
  else text = bytes.includes(0) ? '\u0000' : decodeUtf8(bytes);
  if (text.includes('\u0000')) {
    throw badFile(
      'The file is not text: it holds NUL characters (UTF-16 without a byte order mark, or a ' +
        'spreadsheet file). Export it as CSV in UTF-8.',
    );
  }
  if (text.trim() === '') throw badFile('The file is empty.');
  return text;
}
