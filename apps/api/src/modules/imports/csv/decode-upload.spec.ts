import { InvalidRequestError } from '../../../common/errors/domain-errors';
import { decodeUpload } from './decode-upload';

const utf16 = (text: string, bigEndian: boolean) => {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (bigEndian) bytes.swap16();
  return bytes;
};

function refusal(bytes: Uint8Array): InvalidRequestError {
  try {
    decodeUpload(bytes);
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error('decodeUpload accepted the file');
}

describe('decodeUpload', () => {
  const text = 'Datum;Betrag\n01.02.2026;Müller & Söhne\n';

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with a byte order mark', Buffer.from(`\ufeff${text}`, 'utf8')],
    ['UTF-16 LE with a byte order mark', utf16(text, false)],
    ['UTF-16 BE with a byte order mark', utf16(text, true)],
  ])('reads %s, without the byte order mark', (_name, bytes) => {
    expect(decodeUpload(bytes)).toBe(text);
  });

  it('refuses bytes that are not UTF-8, naming the first line they are on', () => {
    const latin1 = Buffer.from('Datum;Text\n01.02.2026;M\xfcller\n', 'latin1');
    const error = refusal(latin1);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^The file is not UTF-8 text \(line 2 /);
    expect(error.details?.file).toEqual([error.message]);
  });

  it('refuses UTF-16 without a byte order mark instead of reading NULs', () => {
    expect(refusal(Buffer.from(text, 'utf16le')).message).toMatch(/NUL characters/);
  });

  it('refuses an empty file', () => {
    expect(refusal(Buffer.from(' \n\n')).message).toBe('The file is empty.');
  });
});
