import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { AuditChainVerifier } from './audit-chain.verifier';
import { AuditAnchors } from './retention/audit-anchors';
import { AuditChangesService } from './audit-changes.service';
import { AuditLogsService } from './audit-logs.service';
import { AnchorVerificationDto } from './dto/audit-anchor.dto';
import {
  AuditChangeListQueryDto,
  AuditChangePageDto,
  ChainVerificationDto,
} from './dto/audit-change.dto';
import {
  AuditEventContractDto,
  AuditEventListDto,
  AuditEventsQueryDto,
} from './dto/audit-events-contract.dto';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

@ApiTags('audit (admin)')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin' })
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly logs: AuditLogsService,
    private readonly changes: AuditChangesService,
    private readonly verifier: AuditChainVerifier,
    private readonly anchors: AuditAnchors,
  ) {}

  @Get('events')
  @ApiOkResponse({ type: AuditEventListDto, description: 'Newest first; default the last 7 days' })
  async events(@Query() query: AuditEventsQueryDto): Promise<AuditEventListDto> {
    const end = query.end_date ? new Date(query.end_date) : new Date();
    const start = query.start_date ? new Date(query.start_date) : new Date(end.getTime() - WEEK_MS);
    const { items, total } = await this.logs.find(
      {
        from: start.toISOString(),
        to: end.toISOString(),
        action: query.operation_type,
        result: query.result,
        source: query.source,
      },
      query,
    );
    return {
      events: items.map(AuditEventContractDto.from),
      total,
      limit: query.limit,
      offset: query.offset,
      start_date: start.toISOString(),
      end_date: end.toISOString(),
    };
  }

  @Get('changes')
  @ApiOkResponse({ type: AuditChangePageDto, description: 'Row history, newest first' })
  listChanges(@Query() query: AuditChangeListQueryDto): Promise<AuditChangePageDto> {
    return this.changes.find(query, query);
  }

  @Get('verify')
  @ApiOkResponse({
    type: ChainVerificationDto,
    description: 'Recomputes the hash chain of the row history',
  })
  verify(): Promise<ChainVerificationDto> {
    return this.verifier.verify();
  }

  @Get('verify/anchors')
  @ApiOkResponse({
    type: AnchorVerificationDto,
    description:
      'Compares the stored chain with the daily anchors (ARCHIVE_DIR/audit/anchors.ndjson): ' +
      'finds a rewrite even when every later hash was recomputed',
  })
  verifyAnchors(): Promise<AnchorVerificationDto> {
    return this.anchors.verify();
  }
}
