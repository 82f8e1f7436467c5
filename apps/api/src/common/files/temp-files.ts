import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CronExpression } from '@nestjs/schedule';
import { AppConfig } from '../../config/app-config';
import { ClusterCron } from '../jobs/cluster-cron.decorator';
import {
  addSweeps,
  EMPTY_SWEEP,
  sweepTempFiles,
  TempLocation,
  TempSweepReport,
} from './temp-file-sweep';

export const TEMP_FILES_JOB = 'temp-files-cleanup';
/** The location of ARCHIVE_DIR in the job's reports. */
export const ARCHIVES_LOCATION = 'archives';
/** What an archive run writes before it renames the verified file into place. */
const PARTIAL_ARCHIVE_SUFFIX = '.partial';

const MINUTE_MS = 60_000;

/**
 * The application's temporary files, and the hourly job that removes the expired ones. A
 * feature that writes temporary files registers their folder (`register`) when it starts; the
 * job sweeps every registered folder once per cluster (`@ClusterCron`), so with several
 * instances the folders are expected on storage they share (as EXPORT_DIR is).
 */
@Injectable()
export class TempFiles implements OnModuleInit {
  private readonly logger = new Logger('TempFiles');
  private readonly locations = new Map<string, TempLocation>();

  constructor(private readonly config: AppConfig) {}

  /**
   * ARCHIVE_DIR, at any depth: the `.partial` files an interrupted archive run (log days, audit
   * months) left, once TEMP_FILE_MAX_AGE_MINUTES passed without a write. A run in progress
   * writes its file, so the file stays younger; the archives themselves are never touched.
   */
  onModuleInit(): void {
    const partialMs = this.config.TEMP_FILE_MAX_AGE_MINUTES * MINUTE_MS;
    this.register({
      name: ARCHIVES_LOCATION,
      dir: this.config.ARCHIVE_DIR,
      nested: true,
      maxAgeMs: (name) => (name.endsWith(PARTIAL_ARCHIVE_SUFFIX) ? partialMs : undefined),
    });
  }

  /** Adds (or replaces, by name) a folder the hourly job sweeps. */
  register(location: TempLocation): void {
    this.locations.set(location.name, location);
  }

  /** Sweeps one registered folder now; what it removed. */
  sweepLocation(name: string): Promise<TempSweepReport> {
    const location = this.locations.get(name);
    return location ? sweepTempFiles(location) : Promise.resolve(EMPTY_SWEEP);
  }

  /**
   * Sweeps every registered folder and reports what was removed in one log line (info when
   * anything was removed or failed, debug otherwise). A folder that cannot be read is logged
   * and the others are still swept.
   */
  async sweep(signal?: AbortSignal): Promise<TempSweepReport> {
    let total = EMPTY_SWEEP;
    const byLocation: Record<string, TempSweepReport> = {};
    for (const location of this.locations.values()) {
      if (signal?.aborted) break;
      try {
        const report = await sweepTempFiles(location);
        byLocation[location.name] = report;
        total = addSweeps(total, report);
      } catch (error) {
        this.logger.warn(
          { err: error, location: location.name },
          `Temporary files in ${location.name} could not be swept`,
        );
        total = addSweeps(total, { ...EMPTY_SWEEP, failed: 1 });
      }
    }
    const oldestAgeMinutes =
      total.oldestAgeMs === null ? null : Math.floor(total.oldestAgeMs / MINUTE_MS);
    const fields = {
      job: TEMP_FILES_JOB,
      removed: total.removed,
      bytes: total.bytes,
      oldestAgeMinutes,
      failed: total.failed,
      locations: byLocation,
    };
    const message =
      `Removed ${total.removed} temporary file(s), ${total.bytes} bytes` +
      (oldestAgeMinutes === null ? '' : `, the oldest ${oldestAgeMinutes} min old`) +
      (total.failed > 0 ? `; ${total.failed} could not be removed` : '');
    if (total.removed > 0 || total.failed > 0) this.logger.log(fields, message);
    else this.logger.debug(fields, message);
    return total;
  }

  /** Hourly, on one instance of the cluster at a time. */
  @ClusterCron(CronExpression.EVERY_HOUR, TEMP_FILES_JOB)
  async removeExpired(signal?: AbortSignal): Promise<void> {
    await this.sweep(signal);
  }
}
