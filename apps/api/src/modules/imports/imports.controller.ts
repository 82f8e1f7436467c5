import { Body, Controller, HttpCode, HttpStatus, Post, UploadedFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { Audit } from '../audit';
import { CsvImportService } from './csv-import.service';
import { bytesOf, CsvUpload, UploadedCsv } from './csv-upload';
import {
  choiceOf,
  CsvImportFormDto,
  CsvImportSummaryDto,
  CsvPreviewDto,
  CsvPreviewFormDto,
} from './dto/csv-import.dto';

@ApiTags('imports')
@ApiBearerAuth()
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description:
    'A file that cannot be read (not UTF-8 or UTF-16 text, not CSV, no rows, a missing column, no dates), or invalid fields; one message per field',
})
@Controller('imports/csv')
export class ImportsController {
  constructor(private readonly imports: CsvImportService) {}

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  // Reads a file and writes nothing: not an action worth the log.
  @Audit({ recorded: false })
  @CsvUpload()
  @ApiOperation({
    summary: 'How a CSV file reads, before importing it',
    description:
      'Detects the delimiter, header, columns, date format and decimal separator unless given, and answers them with the first rows as they will be stored and the lines that cannot be.',
  })
  @ApiOkResponse({ type: CsvPreviewDto })
  preview(
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() form: CsvPreviewFormDto,
  ): Promise<CsvPreviewDto> {
    return this.imports.preview(bytesOf(file), choiceOf(form));
  }

  @Post()
  @Audit({ action: 'transaction.import', message: 'Imported transactions from a CSV file' })
  @CsvUpload()
  @ApiOperation({
    summary: 'Import a CSV file into an account',
    description:
      'All or nothing, in one database transaction. Lines repeating a live transaction of the account or an earlier line (same date, amount, type and description) are skipped as duplicates.',
  })
  @ApiCreatedResponse({ type: CsvImportSummaryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such account of yours' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description:
      'Lines that cannot be imported (`details`: `line 7` → reason) and skipInvalidRows is false, or the account is archived; nothing is written',
  })
  import(
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() form: CsvImportFormDto,
  ): Promise<CsvImportSummaryDto> {
    return this.imports.import(bytesOf(file), choiceOf(form), {
      accountId: form.accountId,
      skipInvalidRows: form.skipInvalidRows ?? false,
    });
  }
}
