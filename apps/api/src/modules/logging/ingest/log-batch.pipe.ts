import { LOG_BATCH_SCHEMA, LOG_INGEST_LIMITS, LogBatch } from '@ledgerlens/contracts';
import { Injectable, PipeTransform } from '@nestjs/common';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { FieldErrors } from '../../../common/errors/domain-errors';
import { validBySchema } from '../../../common/http/schema-errors';

const ajv = new Ajv({ allErrors: true });
addFormats(ajv, ['uuid', 'date-time']);
/** Compiled once: the hot path of browser log ingest (class-validator cost ~40% of its CPU). */
const validateLogBatch = ajv.compile(LOG_BATCH_SCHEMA);

const MAX_AGE_MS = LOG_INGEST_LIMITS.maxAgeDays * 86_400_000;
const MAX_AHEAD_MS = LOG_INGEST_LIMITS.clockToleranceMinutes * 60_000;
const MAX_BYTES = LOG_INGEST_LIMITS.messageBytes;

/** A UTF-16 unit is at most 3 bytes in UTF-8: most texts need no byte count at all. */
const overBytes = (value: string | undefined) =>
  value !== undefined &&
  value !== null &&
  value.length * 3 > MAX_BYTES &&
  Buffer.byteLength(value) > MAX_BYTES;

function clockMessage(timestamp: string, now: number): string | undefined {
  const offset = Date.parse(timestamp) - now;
  if (offset > MAX_AHEAD_MS) {
    return `timestamp is more than ${LOG_INGEST_LIMITS.clockToleranceMinutes} minutes in the future (check the device clock)`;
  }
  if (offset < -MAX_AGE_MS)
    return `timestamp is more than ${LOG_INGEST_LIMITS.maxAgeDays} days old`;
  return undefined;
}

/** What the schema cannot say: UTF-8 byte limits, and the window around the server's clock. */
function limitErrors(batch: LogBatch, now: number): FieldErrors {
  const details: FieldErrors = {};
  batch.entries.forEach((entry, index) => {
    for (const field of ['message', 'stack'] as const) {
      if (overBytes(entry[field])) {
        details[`entries.${index}.${field}`] = [
          `${field} must be at most ${MAX_BYTES} bytes (UTF-8)`,
        ];
      }
    }
    const clock = clockMessage(entry.timestamp, now);
    if (clock) details[`entries.${index}.timestamp`] = [clock];
  });
  return details;
}

/** Validates `POST /logging/logs/batch` against the one schema in contracts: 400 with every field's messages. */
@Injectable()
export class LogBatchPipe implements PipeTransform<unknown, LogBatch> {
  transform(body: unknown): LogBatch {
    return validBySchema(validateLogBatch, body, (batch) => limitErrors(batch, Date.now()));
  }
}
