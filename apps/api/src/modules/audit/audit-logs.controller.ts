import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../common/auth/roles.decorator';
import { ExportResponses } from '../../common/export/export-responses';
import { EXPORT_CONTENT_TYPES, exportStream } from '../../common/export/export-stream';
import { ApiExportResponse } from '../../common/export/api-export-response';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AuditLogsService } from './audit-logs.service';
import { AuditLogExportQueryDto, AuditLogListQueryDto } from './dto/audit-log-query.dto';
import { AuditLogDto, AuditLogPageDto } from './dto/audit-log.dto';
import { Audit } from './http/audit.decorator';

/** Export columns, in order. */
const EXPORT_COLUMNS: (keyof AuditLogDto)[] = [
  'occurredAt',
  'actorEmail',
  'actorId',
  'action',
  'category',
  'result',
  'severity',
  'resourceType',
  'resourceId',
  'message',
  'ip',
  'userAgent',
  'source',
  'traceId',
  'durationMs',
  'id',
  'metadata',
];

@ApiTags('audit (admin)')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin' })
@Roles('admin')
@Controller('audit-logs')
export class AuditLogsController {
  constructor(
    private readonly logs: AuditLogsService,
    private readonly exportResponses: ExportResponses,
  ) {}

  @Get()
  @ApiOkResponse({ type: AuditLogPageDto, description: 'Newest first' })
  async list(@Query() query: AuditLogListQueryDto): Promise<AuditLogPageDto> {
    return { ...(await this.logs.find(query, query)), page: query.page, limit: query.limit };
  }

  @Get('errors')
  @ApiOkResponse({
    type: AuditLogPageDto,
    description: 'Failures and events of severity WARNING or above, newest first',
  })
  async errors(@Query() query: AuditLogListQueryDto): Promise<AuditLogPageDto> {
    return { ...(await this.logs.find(query, query, true)), page: query.page, limit: query.limit };
  }

  @Get('export')
  @Audit({ action: 'audit_log.export', category: 'admin', message: 'Exported the audit log' })
  @ApiExportResponse('Every matching event, streamed, newest first', ['csv', 'json'])
  @Header('Cache-Control', 'no-store')
  async export(@Query() query: AuditLogExportQueryDto): Promise<StreamableFile> {
    const { format, ...filters } = query;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const content = await exportStream(this.logs.stream(filters), format, {
      columns: EXPORT_COLUMNS,
    });
    return this.exportResponses.file(content, {
      type: EXPORT_CONTENT_TYPES[format],
      disposition: `attachment; filename="audit-logs-${stamp}.${format}"`,
    });
  }

  @Get(':id')
  @ApiOkResponse({ type: AuditLogDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', UuidParamPipe) id: string): Promise<AuditLogDto> {
    return this.logs.get(id);
  }
}
