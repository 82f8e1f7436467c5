import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { GetById, IdParam, PatchById, SoftDeleteById } from '../../common/http/resource-routes';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AuditChangesService, GetHistoryById, RecordHistoryDto } from '../audit';
import {
  ContributionDto,
  ContributionListDto,
  CreateContributionDto,
} from './dto/contribution.dto';
import { CreateGoalDto, GoalDto, GoalListDto, UpdateGoalDto } from './dto/goal.dto';
import { GoalContributionsService } from './goal-contributions.service';
import { GoalsService } from './goals.service';

const noSuchGoal = () =>
  ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such goal of yours' });

const noSuchAccount = () =>
  ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such account of yours' });

@ApiTags('goals')
@ApiBearerAuth()
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: "Invalid input, one message per field (a linked goal not in its account's currency)",
})
@Controller('goals')
export class GoalsController {
  constructor(
    private readonly goals: GoalsService,
    private readonly contributions: GoalContributionsService,
    private readonly changes: AuditChangesService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: GoalDto, description: 'The goal with its progress' })
  @noSuchAccount()
  create(@Body() body: CreateGoalDto): Promise<GoalDto> {
    return this.goals.create(body);
  }

  @Get()
  @ApiOkResponse({ type: GoalListDto, description: 'Goals, oldest first, with their progress' })
  list(@Query() query: PaginationQueryDto): Promise<GoalListDto> {
    return this.goals.list(query);
  }

  @GetById(GoalDto)
  get(@IdParam() id: string): Promise<GoalDto> {
    return this.goals.get(id);
  }

  @PatchById(GoalDto)
  @noSuchAccount()
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'A goal with contributions cannot be linked or change its currency',
  })
  update(@IdParam() id: string, @Body() body: UpdateGoalDto): Promise<GoalDto> {
    return this.goals.update(id, body);
  }

  @GetHistoryById()
  history(@IdParam() id: string): Promise<RecordHistoryDto> {
    return this.changes.historyOfOwned('savings_goals', id, () => this.goals.owns(id));
  }

  @SoftDeleteById()
  remove(@IdParam() id: string): Promise<void> {
    return this.goals.remove(id);
  }

  @Post(':id/contributions')
  @ApiCreatedResponse({ type: ContributionDto })
  @noSuchGoal()
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: "The goal is linked to an account: it follows the account's balance",
  })
  addContribution(
    @IdParam() id: string,
    @Body() body: CreateContributionDto,
  ): Promise<ContributionDto> {
    return this.contributions.add(id, body);
  }

  @Get(':id/contributions')
  @ApiOkResponse({ type: ContributionListDto, description: 'Newest first' })
  @noSuchGoal()
  listContributions(
    @IdParam() id: string,
    @Query() query: PaginationQueryDto,
  ): Promise<ContributionListDto> {
    return this.contributions.list(id, query);
  }

  @Delete(':id/contributions/:contributionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Soft-deleted: no longer counted' })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'No such goal or contribution of yours',
  })
  removeContribution(
    @IdParam() id: string,
    @Param('contributionId', UuidParamPipe) contributionId: string,
  ): Promise<void> {
    return this.contributions.remove(id, contributionId);
  }
}
