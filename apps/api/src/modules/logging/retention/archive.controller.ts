import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../../common/auth/current-user.decorator';
import { Roles } from '../../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../../common/http/error-response.dto';
import { PaginationQueryDto } from '../../../common/http/pagination.dto';
import { Audit } from '../../audit';
import { ArchiveRunsStore } from './archive-runs.store';
import { ArchiveRunDto, ArchiveRunPageDto, ArchiveRunParamsDto } from './dto/archive-run.dto';
import { LogArchiveService } from './log-archive.service';

@ApiTags('logging (admin)')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin' })
@Roles('admin')
@Controller('logging/archive')
export class ArchiveController {
  constructor(
    private readonly archive: LogArchiveService,
    private readonly runs: ArchiveRunsStore,
  ) {}

  @Post('run')
  @HttpCode(HttpStatus.ACCEPTED)
  @Audit({
    action: 'log_archive.run',
    resourceType: 'archive_run',
    category: 'admin',
    message: 'Started a log archive run',
  })
  @ApiOperation({
    summary: 'Archive and remove expired logs now',
    description: 'Answers once the run is recorded; it goes on in the background.',
  })
  @ApiAcceptedResponse({ type: ArchiveRunDto, description: 'The run, still running' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A run is already in progress' })
  run(@CurrentUser() user: AuthenticatedUser): Promise<ArchiveRunDto> {
    return this.archive.start(user.id);
  }

  @Get('runs')
  @ApiOkResponse({ type: ArchiveRunPageDto, description: 'Newest first' })
  async list(@Query() query: PaginationQueryDto): Promise<ArchiveRunPageDto> {
    return { ...(await this.runs.page(query)), page: query.page, limit: query.limit };
  }

  @Get('runs/:id')
  @ApiOkResponse({ type: ArchiveRunDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param() params: ArchiveRunParamsDto): Promise<ArchiveRunDto> {
    return this.runs.get(params.id);
  }
}
