import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiInternalServerErrorResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AuthenticatedUser, CurrentUser } from '../../common/auth/current-user.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { IdParam } from '../../common/http/resource-routes';
import { Audit } from '../audit';
import { IgnoreExceptionDto, ResolveExceptionDto } from './dto/exception-actions.dto';
import { ExceptionGroupDetailDto } from './dto/exception-group-detail.dto';
import { ExceptionGroupDto, ExceptionGroupPageDto } from './dto/exception-group.dto';
import { ExceptionPatternsDto } from './dto/exception-patterns.dto';
import {
  ExceptionGroupQueryDto,
  ExceptionListQueryDto,
  ExceptionRangeDto,
} from './dto/exception-query.dto';
import { ExceptionGroupsService } from './query/exception-groups.service';
import { ExceptionPatternsService } from './query/exception-patterns.service';

/** Thrown by `POST /logging/exceptions/test`: a real error, not a stand-in. */
export class SampleException extends Error {
  override name = 'SampleException';
}

const groupParam = () => ApiParam({ name: 'id', format: 'uuid', description: 'Exception group' });
const notFound = () =>
  ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No exception group with this ID' });
const badRequest = () =>
  ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Malformed ID or body' });

@ApiTags('exceptions (admin)')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin' })
@Roles('admin')
@Controller('logging/exceptions')
export class ExceptionsController {
  constructor(
    private readonly groups: ExceptionGroupsService,
    private readonly patternsService: ExceptionPatternsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Exception groups, a page at a time',
    description:
      'Sorted by `lastSeen` (default), `firstSeen` or `count`. `from`/`to` keep the groups that ' +
      'occurred in the range (to the minute).',
  })
  @ApiOkResponse({ type: ExceptionGroupPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async list(@Query() query: ExceptionListQueryDto): Promise<ExceptionGroupPageDto> {
    return { ...(await this.groups.find(query)), page: query.page, limit: query.limit };
  }

  @Get('patterns')
  @ApiOperation({
    summary: 'Frequency by type and by group over time, top groups, trend',
    description:
      '`from` defaults to 24 hours before `to`, `to` to now (at most 400 days). The trend ' +
      'compares with the window of the same length just before.',
  })
  @ApiOkResponse({ type: ExceptionPatternsDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  patterns(@Query() query: ExceptionRangeDto): Promise<ExceptionPatternsDto> {
    return this.patternsService.patterns(query);
  }

  @Post('test')
  @HttpCode(HttpStatus.INTERNAL_SERVER_ERROR)
  @Audit({
    action: 'exception.test',
    resourceType: 'exception_group',
    category: 'admin',
    message: 'Raised a sample exception',
  })
  @ApiOperation({
    summary: 'Throw a sample error through the real pipeline',
    description:
      'Always answers 500, like any unexpected error; its message holds a fresh ID and time, ' +
      'so grouping strips parameters as it would in production. Called again, it adds to the ' +
      'same group. Use the trace ID of the answer to find the occurrence.',
  })
  @ApiInternalServerErrorResponse({ type: ErrorResponseDto, description: 'The sample error' })
  test(): never {
    throw new SampleException(
      `Sample exception ${randomUUID()} raised at ${new Date().toISOString()} to test exception tracking`,
    );
  }

  @Get(':id')
  @groupParam()
  @ApiOperation({
    summary: 'A group, its latest occurrence with the stack, recent occurrences, hourly counts',
    description:
      'The hourly counts cover `from` (default 24 hours before `to`) to `to` (default now), 90 days at most.',
  })
  @ApiOkResponse({ type: ExceptionGroupDetailDto })
  @badRequest()
  @notFound()
  get(
    @IdParam() id: string,
    @Query() query: ExceptionGroupQueryDto,
  ): Promise<ExceptionGroupDetailDto> {
    return this.groups.detail(id, query);
  }

  @Put(':id/resolve')
  @groupParam()
  @Audit({
    action: 'exception.resolve',
    resourceType: 'exception_group',
    category: 'admin',
    message: 'Resolved an exception group',
  })
  @ApiOperation({ summary: 'Mark resolved; it regresses if it occurs again' })
  @ApiOkResponse({ type: ExceptionGroupDto })
  @badRequest()
  @notFound()
  resolve(
    @IdParam() id: string,
    @Body() body: ResolveExceptionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ExceptionGroupDto> {
    return this.groups.resolve(id, user.id, body.notes);
  }

  @Put(':id/unresolve')
  @groupParam()
  @Audit({
    action: 'exception.unresolve',
    resourceType: 'exception_group',
    category: 'admin',
    message: 'Reopened an exception group',
  })
  @ApiOkResponse({ type: ExceptionGroupDto })
  @badRequest()
  @notFound()
  unresolve(@IdParam() id: string): Promise<ExceptionGroupDto> {
    return this.groups.unresolve(id);
  }

  @Put(':id/ignore')
  @groupParam()
  @Audit({
    action: 'exception.ignore',
    resourceType: 'exception_group',
    category: 'admin',
    message: 'Ignored an exception group',
  })
  @ApiOperation({
    summary: 'Ignore: still counted, but unresolved again after `until` or `untilCount` more',
  })
  @ApiOkResponse({ type: ExceptionGroupDto })
  @badRequest()
  @notFound()
  ignore(@IdParam() id: string, @Body() body: IgnoreExceptionDto): Promise<ExceptionGroupDto> {
    return this.groups.ignore(id, body.until, body.untilCount);
  }
}
