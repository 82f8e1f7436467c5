import { createHash, Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/** What a file holds, byte for byte. */
export interface FileDigest {
  sha256: string;
  bytes: number;
}

const NEWLINE = 0x0a;

/** Passes chunks on unchanged while hashing and counting them. */
function measuring(hash: Hash, counted: { bytes: number }) {
  return async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      hash.update(chunk);
      counted.bytes += chunk.length;
      yield chunk;
    }
  };
}

/**
 * Writes `lines` (each ending in a newline) gzip-compressed to a new file at `path`, pulling
 * them only as fast as they are written, and flushes it to disk before resolving.
 */
export async function writeGzipLines(
  path: string,
  lines: AsyncIterable<string>,
): Promise<FileDigest> {
  const hash = createHash('sha256');
  const counted = { bytes: 0 };
  await pipeline(
    lines,
    createGzip(),
    measuring(hash, counted),
    createWriteStream(path, { flags: 'wx', flush: true }),
  );
  return { sha256: hash.digest('hex'), bytes: counted.bytes };
}

/** Reads a gzip file back: its digest and how many lines it decompresses to. */
export async function inspectGzipLines(path: string): Promise<FileDigest & { lines: number }> {
  const hash = createHash('sha256');
  const counted = { bytes: 0 };
  let lines = 0;
  await pipeline(
    createReadStream(path),
    measuring(hash, counted),
    createGunzip(),
    async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) {
          lines += 1;
        }
      }
    },
  );
  return { sha256: hash.digest('hex'), bytes: counted.bytes, lines };
}
