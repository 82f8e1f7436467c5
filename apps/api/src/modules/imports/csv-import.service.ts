import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  BusinessRuleError,
  FieldErrors,
  InvalidRequestError,
} from '../../common/errors/domain-errors';
import { UserContext } from '../../database/user-context';
import { AccountsService } from '../accounts';
import { CategoriesService } from '../categories';
import { ImportedLine, TransactionImportStore } from '../transactions';
import { categoryMatcher } from './category-matcher';
import { CsvRow, RefusedRow } from './csv/csv-row';
import { CsvSettingsChoice } from './csv/csv-settings';
import { CsvReading, readCsv } from './csv/read-csv';
import {
  CsvImportSummaryDto,
  CsvPreviewDto,
  LISTED_REFUSALS,
  PREVIEW_ROWS,
} from './dto/csv-import.dto';
import { DuplicateLine, withoutRepeats } from './file-duplicates';

/** Refused lines as field messages, `line 7` → its reason; the first ones only. */
function lineErrors(refused: readonly RefusedRow[]): FieldErrors {
  return Object.fromEntries(
    refused.slice(0, LISTED_REFUSALS).map(({ line, reason }) => [`line ${line}`, [reason]]),
  );
}

/** What must hold before anything is written: one date format, and no bad line unless skipped. */
function assertImportable(reading: CsvReading, skipInvalidRows: boolean): void {
  if (reading.ambiguousDateFormats.length > 0) {
    const formats = reading.ambiguousDateFormats.join(' and ');
    throw new InvalidRequestError(`Both ${formats} read every date: choose the date format`, {
      dateFormat: [`${formats} both read every date; choose which one the file uses`],
    });
  }
  const bad = reading.refused.length;
  if (bad > 0 && !skipInvalidRows) {
    throw new BusinessRuleError(
      `${bad} ${bad === 1 ? 'line' : 'lines'} cannot be imported, so nothing was: correct ${
        bad === 1 ? 'it' : 'them'
      } or import with skipInvalidRows`,
      lineErrors(reading.refused),
    );
  }
}

/**
 * Imports a bank's CSV into one of the user's accounts: a preview of how it will be stored,
 * then the import in one database transaction under the user's Row-Level Security. A line is a
 * duplicate, and skipped, when a live transaction of the account or an earlier line of the file
 * has the same day, amount, type and description (Actual Budget's rule, without its fuzzy
 * date window).
 */
@Injectable()
export class CsvImportService {
  constructor(
    private readonly userContext: UserContext,
    private readonly accounts: AccountsService,
    private readonly categories: CategoriesService,
    private readonly store: TransactionImportStore,
  ) {}

  /** How the file reads: the settings, the first rows as they will be stored, the refusals. */
  preview(bytes: Uint8Array, choice: CsvSettingsChoice): Promise<CsvPreviewDto> {
    const reading = readCsv(bytes, choice);
    const shown = reading.rows.slice(0, PREVIEW_ROWS);
    return this.userContext.run(async (manager) => {
      const categoryOf = await this.categoryMatcherFor(manager, shown);
      return {
        settings: reading.settings,
        header: reading.header,
        columnCount: reading.columnCount,
        ambiguousDateFormats: reading.ambiguousDateFormats,
        totalRows: reading.rows.length + reading.refused.length,
        rows: shown.map(({ categoryName, ...row }) => ({
          ...row,
          categoryName,
          categoryId: categoryOf({ ...row, categoryName }),
        })),
        refusedCount: reading.refused.length,
        refused: reading.refused.slice(0, LISTED_REFUSALS),
      };
    });
  }

  /**
   * Stores the file's new lines in the account, all or nothing: a bad line refuses the whole
   * file unless `skipInvalidRows`, and a failure writes nothing.
   */
  import(
    bytes: Uint8Array,
    choice: CsvSettingsChoice,
    { accountId, skipInvalidRows }: { accountId: string; skipInvalidRows: boolean },
  ): Promise<CsvImportSummaryDto> {
    const reading = readCsv(bytes, choice);
    assertImportable(reading, skipInvalidRows);
    const { unique, repeats } = withoutRepeats(reading.rows);
    return this.userContext.run(async (manager) => {
      const account = await this.accounts.findWithin(manager, accountId);
      if (account.archived) {
        throw new BusinessRuleError(`Account '${account.name}' is archived`, {
          accountId: [`account '${account.name}' is archived and takes no imports`],
        });
      }
      await this.store.lockAccount(manager, account.id);
      const categoryOf = await this.categoryMatcherFor(manager, unique);
      const lines: ImportedLine[] = unique.map((row) => ({ ...row, categoryId: categoryOf(row) }));
      const stored = new Set(await this.store.linesAlreadyStored(manager, account.id, lines));
      const fresh = lines.filter((line) => !stored.has(line.line));
      const imported = await this.store.insertAll(manager, account.id, account.currency, fresh);
      const duplicates: DuplicateLine[] = [
        ...repeats,
        ...[...stored].map((line) => ({ line, ofLine: null })),
      ].sort((a, b) => a.line - b.line);
      return { accountId: account.id, imported, duplicates, refused: reading.refused };
    });
  }

  /** Matches rows' category names to the user's categories, read once for all of them. */
  private async categoryMatcherFor(manager: EntityManager, rows: readonly CsvRow[]) {
    const names = rows.flatMap((row) => (row.categoryName === null ? [] : [row.categoryName]));
    return categoryMatcher(await this.categories.findByNames(manager, names));
  }
}
