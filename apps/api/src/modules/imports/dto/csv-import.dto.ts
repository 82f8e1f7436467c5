import { TRANSACTION_TYPES, TransactionType } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { AmountInCents } from '../../../common/http/money-fields';
import { OptionalInteger } from '../../../common/http/optional-fields';
import { DESCRIPTION_MAX_LENGTH } from '../csv/csv-row';
import {
  COLUMN_ROLES,
  ColumnMapping,
  CsvSettingsChoice,
  DECIMAL_SEPARATORS,
  DELIMITERS,
  DecimalSeparator,
  Delimiter,
} from '../csv/csv-settings';
import { DATE_FORMATS } from '../csv/date-formats';

/** The largest file an import reads. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

/** How many rows a preview shows, and how many refused lines an answer lists. */
export const PREVIEW_ROWS = 20;
export const LISTED_REFUSALS = 100;

/** Multipart fields are text: `true` and `false` become booleans, anything else is refused. */
const booleanText = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

const column = (what: string) =>
  OptionalInteger({
    min: 0,
    max: 999,
    description: `The column (0-based) holding the ${what}`,
  });

/**
 * The multipart form of a preview: the file, and whatever the user chose instead of the
 * detection. When any `…Column` field is sent, the columns are exactly the ones sent.
 */
export class CsvPreviewFormDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    maxLength: MAX_CSV_BYTES,
    description: `The CSV file, UTF-8 (with or without BOM) or UTF-16 with BOM, at most ${MAX_CSV_BYTES / 1024 / 1024} MB`,
  })
  @IsOptional()
  file?: unknown;

  @ApiPropertyOptional({ enum: DELIMITERS, description: 'Detected when omitted' })
  @IsOptional()
  @IsIn(DELIMITERS, { message: 'delimiter must be one of , ; | or a tab' })
  delimiter?: Delimiter;

  @ApiPropertyOptional({ type: Boolean, description: 'Whether the first line names the columns' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'hasHeader must be true or false' })
  hasHeader?: boolean;

  @ApiPropertyOptional({
    enum: DATE_FORMATS,
    description: 'Detected when omitted; required when both day-month orders fit',
  })
  @IsOptional()
  @IsIn(DATE_FORMATS, { message: `dateFormat must be one of ${DATE_FORMATS.join(', ')}` })
  dateFormat?: string;

  @ApiPropertyOptional({ enum: DECIMAL_SEPARATORS, description: 'Detected when omitted' })
  @IsOptional()
  @IsIn(DECIMAL_SEPARATORS, { message: 'decimalSeparator must be . or ,' })
  decimalSeparator?: DecimalSeparator;

  @column('date')
  dateColumn?: number;

  @column('signed amount (negative: an expense)')
  amountColumn?: number;

  @column('money out (expenses), instead of an amount column')
  debitColumn?: number;

  @column('money in (income), instead of an amount column')
  creditColumn?: number;

  @column('description')
  descriptionColumn?: number;

  @column('category name, matched to yours case-insensitively')
  categoryColumn?: number;
}

/** The user's choices in a form, as the reader takes them. */
export function choiceOf(form: CsvPreviewFormDto): CsvSettingsChoice {
  const { delimiter, hasHeader, dateFormat, decimalSeparator } = form;
  const chosen = COLUMN_ROLES.filter((role) => form[`${role}Column`] !== undefined);
  const columns =
    chosen.length === 0
      ? undefined
      : Object.fromEntries(chosen.map((role) => [role, form[`${role}Column`]]));
  return { delimiter, hasHeader, dateFormat, decimalSeparator, columns };
}

/** The multipart form of an import: a preview's, with the account and what to do with bad lines. */
export class CsvImportFormDto extends CsvPreviewFormDto {
  @ApiProperty({ format: 'uuid', description: 'The account the transactions are booked to' })
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId: string;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'true: import the good lines and list the refused ones; false: refuse the file',
  })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'skipInvalidRows must be true or false' })
  skipInvalidRows?: boolean;
}

export class CsvColumnsDto implements ColumnMapping {
  @ApiProperty({ type: 'integer', nullable: true, description: '0-based' })
  date: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  amount: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  debit: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  credit: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  description: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  category: number | null;
}

export class CsvSettingsDto {
  @ApiProperty({ enum: DELIMITERS })
  delimiter: Delimiter;

  @ApiProperty()
  hasHeader: boolean;

  @ApiProperty({ enum: DATE_FORMATS })
  dateFormat: string;

  @ApiProperty({ enum: DECIMAL_SEPARATORS })
  decimalSeparator: DecimalSeparator;

  @ApiProperty({ type: CsvColumnsDto })
  columns: CsvColumnsDto;
}

export class RefusedLineDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: "The line's number in the file" })
  line: number;

  @ApiProperty({ example: "amount '12,3x' is not an amount" })
  reason: string;
}

export class CsvPreviewRowDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  line: number;

  @ApiProperty({ format: 'date' })
  occurredOn: string;

  @AmountInCents({ description: 'Positive amount', example: 1250 })
  amountCents: number;

  @ApiProperty({ enum: TRANSACTION_TYPES })
  type: TransactionType;

  @ApiProperty({ maxLength: DESCRIPTION_MAX_LENGTH })
  description: string;

  @ApiProperty({ type: String, nullable: true, description: "The category column's text" })
  categoryName: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Your category of that name and of this type; null: stored without one',
  })
  categoryId: string | null;
}

export class CsvPreviewDto {
  @ApiProperty({ type: CsvSettingsDto, description: 'What the file is read with' })
  settings: CsvSettingsDto;

  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'The column names of the first line; null without a header',
  })
  header: string[] | null;

  @ApiProperty({ type: 'integer', minimum: 1 })
  columnCount: number;

  @ApiProperty({
    type: [String],
    enum: DATE_FORMATS,
    description: 'Date formats that read every date, when more than one does: choose one to import',
  })
  ambiguousDateFormats: string[];

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Lines below the header, read or refused',
  })
  totalRows: number;

  @ApiProperty({
    type: [CsvPreviewRowDto],
    description: `The first ${PREVIEW_ROWS} rows as stored`,
  })
  rows: CsvPreviewRowDto[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  refusedCount: number;

  @ApiProperty({
    type: [RefusedLineDto],
    description: `The first ${LISTED_REFUSALS} refused lines`,
  })
  refused: RefusedLineDto[];
}

export class DuplicateLineDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  line: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The earlier line it repeats; null: it repeats a transaction already stored',
  })
  ofLine: number | null;
}

export class CsvImportSummaryDto {
  @ApiProperty({ format: 'uuid' })
  accountId: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Transactions stored' })
  imported: number;

  @ApiProperty({
    type: [DuplicateLineDto],
    description:
      'Lines skipped as duplicates: same account, date, amount, type and description as a live transaction or an earlier line',
  })
  duplicates: DuplicateLineDto[];

  @ApiProperty({
    type: [RefusedLineDto],
    description: 'Lines skipped as invalid (skipInvalidRows)',
  })
  refused: RefusedLineDto[];
}
