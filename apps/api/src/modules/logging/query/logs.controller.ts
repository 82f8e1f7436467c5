import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser, CurrentUser } from '../../../common/auth/current-user.decorator';
import { PermissionError } from '../../../common/errors/domain-errors';
import { ExportResponses } from '../../../common/export/export-responses';
import { EXPORT_CONTENT_TYPES, exportStream } from '../../../common/export/export-stream';
import { ErrorResponseDto } from '../../../common/http/error-response.dto';
import { apiPath } from '../../../common/http/api-prefix';
import { ApiExportResponse } from '../../../common/export/api-export-response';
import { Audit } from '../../audit';
import { ExportFiles } from '../export/export-files';
import { LogEntryDto, LogContextDto, LogPageDto, LogStatisticsDto } from './dto/log-entry.dto';
import {
  LogContextQueryDto,
  LogExportDto,
  LogFilterDto,
  LogListQueryDto,
  LogStatisticsQueryDto,
} from './dto/log-query.dto';
import { LogStatisticsService } from './log-statistics.service';
import { LogsQueryService } from './logs-query.service';
import { LOG_EXPORT_COLUMNS, logTextLine } from './log-export-layout';
import { LOG_ID_PARAM, ParseLogIdPipe } from './parse-log-id.pipe';

/** Admins read every line; anyone else only lines of their own requests. */
function scoped<T extends LogFilterDto>(filters: T, user: AuthenticatedUser): T {
  if (user.role === 'admin') return filters;
  if (filters.userId && filters.userId !== user.id) {
    throw new PermissionError('You can only read your own logs', {
      userId: ['userId must be your own user ID'],
    });
  }
  return { ...filters, userId: user.id };
}

const ownOnly = (user: AuthenticatedUser) => (user.role === 'admin' ? undefined : user.id);

/** `ledgerlens-logs_2026-11-20T00-00-00Z_2026-11-21T00-00-00Z.csv` */
function exportFilename(filters: LogFilterDto, format: string): string {
  const stamp = (time: string) =>
    new Date(time)
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replace(/:/g, '-');
  const from = filters.from ? stamp(filters.from) : 'start';
  const to = stamp(filters.to ?? new Date().toISOString());
  return `ledgerlens-logs_${from}_${to}.${format}`;
}

const EXPORTS_PATH = apiPath('logging/logs/exports');

@ApiTags('logging')
@ApiBearerAuth()
@Controller('logging/logs')
export class LogsController {
  constructor(
    private readonly logs: LogsQueryService,
    private readonly statistics: LogStatisticsService,
    private readonly exportFiles: ExportFiles,
    private readonly exportResponses: ExportResponses,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Stored logs, newest first, a page at a time',
    description: 'Admins see every line; other users only lines of their own requests.',
  })
  @ApiOkResponse({ type: LogPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({
    type: ErrorResponseDto,
    description: "Not an admin, and filtering on another user's ID",
  })
  list(
    @Query() query: LogListQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LogPageDto> {
    const { limit, cursor, ...filters } = query;
    return this.logs.find(scoped(filters, user), limit, cursor);
  }

  @Get('statistics')
  @ApiOperation({
    summary: 'Counts by level and source, volume over time, top error messages',
    description: '`from` defaults to 24 hours before `to`, `to` to now.',
  })
  @ApiOkResponse({ type: LogStatisticsDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  getStatistics(
    @Query() query: LogStatisticsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LogStatisticsDto> {
    const { from, to, source } = query;
    return this.statistics.statistics({ from, to }, scoped({ source }, user));
  }

  @Post('export')
  @HttpCode(HttpStatus.OK)
  @Audit({ action: 'log.export', message: 'Exported stored logs' })
  @ApiOperation({
    summary: 'Every matching line, streamed (no row cap), newest first',
    description:
      'The file is also kept for EXPORT_TTL_HOURS: `Content-Location` names where to download it again.',
  })
  @ApiExportResponse('The export file', ['json', 'csv', 'txt'])
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({
    type: ErrorResponseDto,
    description: "Not an admin, and filtering on another user's ID",
  })
  @Header('Cache-Control', 'no-store')
  async export(
    @Body() body: LogExportDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { format, ...filters } = body;
    const filename = exportFilename(filters, format);
    const content = await exportStream(this.logs.stream(scoped(filters, user)), format, {
      columns: LOG_EXPORT_COLUMNS,
      textLine: logTextLine,
    });
    const kept = this.exportFiles.keep(content, {
      ownerId: user.id,
      filename,
      contentType: EXPORT_CONTENT_TYPES[format],
    });
    response.setHeader('Content-Location', `${EXPORTS_PATH}/${kept.id}`);
    return this.exportResponses.file(kept.content, {
      type: EXPORT_CONTENT_TYPES[format],
      disposition: `attachment; filename="${filename}"`,
    });
  }

  @Get('exports/:exportId')
  @ApiOperation({ summary: 'An earlier export of yours, while it is kept' })
  @ApiParam({ name: 'exportId', format: 'uuid' })
  @ApiExportResponse('The export file', ['json', 'csv', 'txt'])
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async downloadExport(
    @Param('exportId') exportId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const { info, content } = await this.exportFiles.open(exportId, user.id);
    return new StreamableFile(content, {
      type: info.contentType,
      disposition: `attachment; filename="${info.filename}"`,
    });
  }

  @Get(':id')
  @ApiParam(LOG_ID_PARAM)
  @ApiOkResponse({ type: LogEntryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(
    @Param('id', ParseLogIdPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LogEntryDto> {
    return this.logs.get(id, ownOnly(user));
  }

  @Get(':id/context')
  @ApiOperation({ summary: 'A line with the lines around it and every line of its trace' })
  @ApiParam(LOG_ID_PARAM)
  @ApiOkResponse({ type: LogContextDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  context(
    @Param('id', ParseLogIdPipe) id: string,
    @Query() query: LogContextQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LogContextDto> {
    return this.logs.context(id, query, ownOnly(user));
  }
}
