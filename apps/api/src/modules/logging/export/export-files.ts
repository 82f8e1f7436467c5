import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { finished as finishedWriting } from 'node:stream/promises';
import { NotFoundError } from '../../../common/errors/domain-errors';
import { TempFiles } from '../../../common/files/temp-files';
import { AppConfig } from '../../../config/app-config';

/** What is kept beside an export file. */
export interface ExportFileInfo {
  ownerId: string;
  filename: string;
  contentType: string;
  createdAt: string;
}

const ID = /^[0-9a-f-]{36}$/;
const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** The temporary-files location the exports are registered as. */
const EXPORTS_LOCATION = 'exports';

/** Writes `chunk`, waiting while the file's buffer is full; fails with the file's error. */
async function writeTo(file: WriteStream, chunk: unknown): Promise<void> {
  if (file.errored) throw file.errored;
  if (!file.write(chunk)) await once(file, 'drain');
}

/**
 * A pipeline stage that passes every chunk on and writes it to `<dir>/<id>.part`; once all is
 * written, adds `<id>.json` and renames the copy to `<id>`, before the last chunk's reader sees
 * the end (so a finished download can be fetched again at once). A stage that does not finish
 * removes what it wrote, after the file is closed (a file still opening would come back).
 */
function keptCopy(dir: string, id: string, info: Omit<ExportFileInfo, 'createdAt'>) {
  const path = join(dir, id);
  return async function* (source: AsyncIterable<unknown>) {
    await mkdir(dir, { recursive: true });
    const file = createWriteStream(`${path}.part`);
    const closed = new Promise<void>((resolve) => file.once('close', () => resolve()));
    // Without a listener, an error while no write waits (e.g. one left pending when the file is
    // destroyed below) would end the process; writeTo reads it from file.errored instead.
    file.on('error', () => undefined);
    let finished = false;
    try {
      for await (const chunk of source) {
        await writeTo(file, chunk);
        yield chunk;
      }
      file.end();
      await finishedWriting(file);
      await writeFile(
        `${path}.json`,
        JSON.stringify({ ...info, createdAt: new Date().toISOString() }),
      );
      await rename(`${path}.part`, path);
      finished = true;
    } finally {
      if (!finished) {
        file.destroy();
        await closed;
        await rm(`${path}.part`, { force: true });
        await rm(`${path}.json`, { force: true });
      }
    }
  };
}

/**
 * Keeps a copy of each export for EXPORT_TTL_HOURS, so a download cut off halfway can be
 * fetched again by the same user without running the query again. The copy is written while
 * the export streams to the caller; an export that does not finish leaves nothing behind.
 * EXPORT_DIR is swept by the hourly temporary-files job (TempFiles).
 */
@Injectable()
export class ExportFiles implements OnModuleInit {
  private readonly dir: string;

  constructor(
    private readonly config: AppConfig,
    private readonly tempFiles: TempFiles,
  ) {
    this.dir = resolve(config.EXPORT_DIR);
  }

  /**
   * Registers EXPORT_DIR with the temporary-files job: kept exports and their `.json` expire
   * after EXPORT_TTL_HOURS, the `.part` copy of an export a crash interrupted after
   * TEMP_FILE_MAX_AGE_MINUTES without a write (one still being written is younger).
   */
  onModuleInit(): void {
    const partialMs = this.config.TEMP_FILE_MAX_AGE_MINUTES * MINUTE_MS;
    const keptMs = this.config.EXPORT_TTL_HOURS * HOUR_MS;
    this.tempFiles.register({
      name: EXPORTS_LOCATION,
      dir: this.dir,
      maxAgeMs: (name) => (name.endsWith('.part') ? partialMs : keptMs),
    });
  }

  /**
   * The export's ID and its content, which is written to the kept file as it is read. Any failure
   * (of the content or of the file) or an early stop destroys the returned stream, with the
   * error if there was one, and removes the kept file and its `.part` and `.json`.
   */
  keep(
    content: Readable,
    info: Omit<ExportFileInfo, 'createdAt'>,
  ): { id: string; content: Readable } {
    const id = randomUUID();
    // pipeline, unlike pipe, ends every stage when one fails or the reader stops early; the
    // error reaches the reader through the returned stream, so the callback has nothing to do.
    const kept = pipeline(
      content,
      keptCopy(this.dir, id, info),
      new PassThrough(),
      () => undefined,
    );
    return { id, content: kept };
  }

  /** A kept export of this user's, or 404 (also when it expired or belongs to someone else). */
  async open(id: string, ownerId: string): Promise<{ info: ExportFileInfo; content: Readable }> {
    const missing = new NotFoundError(
      'No export with this ID (exports are kept for a limited time)',
    );
    if (!ID.test(id)) throw missing;
    const info = await readFile(join(this.dir, `${id}.json`), 'utf8')
      .then((text) => JSON.parse(text) as ExportFileInfo)
      .catch(() => undefined);
    if (!info || info.ownerId !== ownerId || this.expired(info.createdAt)) throw missing;
    return { info, content: createReadStream(join(this.dir, id)) };
  }

  /**
   * Removes expired exports and leftovers of interrupted ones now; how many files. The hourly
   * temporary-files job does the same for every registered folder.
   */
  async removeExpired(): Promise<number> {
    return (await this.tempFiles.sweepLocation(EXPORTS_LOCATION)).removed;
  }

  private expired(createdAt: string): boolean {
    return Date.now() - Date.parse(createdAt) > this.config.EXPORT_TTL_HOURS * HOUR_MS;
  }
}
