import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { AuditChangesService, GetHistoryById, RecordHistoryDto } from '../audit';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { GetById, IdParam, PatchById, SoftDeleteById } from '../../common/http/resource-routes';
import {
  CreateRecurringRuleDto,
  RecurringRuleDto,
  RecurringRuleListDto,
  SkipOccurrenceDto,
  SkippedOccurrenceDto,
  UpcomingListDto,
  UpcomingQueryDto,
  UpdateRecurringRuleDto,
} from './dto/recurring-rule.dto';
import { RecurringService } from './recurring.service';

const noSuchRule = () =>
  ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'No such rule (or category) of yours',
  });

@ApiTags('recurring')
@ApiBearerAuth()
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'Invalid input, one message per field',
})
@Controller('recurring')
export class RecurringController {
  constructor(
    private readonly recurring: RecurringService,
    private readonly changes: AuditChangesService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: RecurringRuleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Category not found' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: "The type does not match the category's kind",
  })
  create(@Body() body: CreateRecurringRuleDto): Promise<RecurringRuleDto> {
    return this.recurring.create(body);
  }

  @Get()
  @ApiOkResponse({ type: RecurringRuleListDto })
  list(@Query() query: PaginationQueryDto): Promise<RecurringRuleListDto> {
    return this.recurring.list(query);
  }

  @Get('upcoming')
  @ApiOkResponse({
    type: UpcomingListDto,
    description: 'Occurrences not booked yet, from today on, by day; skipped ones marked',
  })
  upcoming(@Query() query: UpcomingQueryDto): Promise<UpcomingListDto> {
    return this.recurring.upcoming(query.days);
  }

  @GetById(RecurringRuleDto)
  get(@IdParam() id: string): Promise<RecurringRuleDto> {
    return this.recurring.get(id);
  }

  @PatchById(RecurringRuleDto)
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: "The type does not match the category's kind",
  })
  update(@IdParam() id: string, @Body() body: UpdateRecurringRuleDto): Promise<RecurringRuleDto> {
    return this.recurring.update(id, body);
  }

  @GetHistoryById()
  history(@IdParam() id: string): Promise<RecordHistoryDto> {
    return this.changes.historyOfOwned('recurring_rules', id, () => this.recurring.owns(id));
  }

  @SoftDeleteById()
  remove(@IdParam() id: string): Promise<void> {
    return this.recurring.remove(id);
  }

  @Post(':id/pause')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: RecurringRuleDto, description: 'Paused: nothing is booked until resumed' })
  @noSuchRule()
  pause(@IdParam() id: string): Promise<RecurringRuleDto> {
    return this.recurring.pause(id);
  }

  @Post(':id/resume')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: RecurringRuleDto,
    description: 'Running again from today; occurrences during the pause are not booked',
  })
  @noSuchRule()
  resume(@IdParam() id: string): Promise<RecurringRuleDto> {
    return this.recurring.resume(id);
  }

  @Post(':id/skip')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: SkippedOccurrenceDto,
    description: 'No transaction will be booked for it',
  })
  @noSuchRule()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already skipped' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'Not a day the rule falls on, or already booked',
  })
  skip(@IdParam() id: string, @Body() body: SkipOccurrenceDto): Promise<SkippedOccurrenceDto> {
    return this.recurring.skip(id, body.occursOn);
  }
}
