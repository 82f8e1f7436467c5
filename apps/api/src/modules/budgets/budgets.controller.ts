import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { AuditChangesService, GetHistoryById, RecordHistoryDto } from '../audit';
import { GetById, IdParam, PatchById, SoftDeleteById } from '../../common/http/resource-routes';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { BudgetPeriodsService } from './budget-periods.service';
import { BudgetsService } from './budgets.service';
import {
  BudgetAlertPageDto,
  BudgetDto,
  BudgetListDto,
  BudgetPeriodsDto,
  BudgetPeriodsQueryDto,
  CreateBudgetDto,
  UpdateBudgetDto,
} from './dto/budget.dto';

@ApiTags('budgets')
@ApiBearerAuth()
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'Invalid input, one message per field',
})
@Controller('budgets')
export class BudgetsController {
  constructor(
    private readonly budgets: BudgetsService,
    private readonly periodResults: BudgetPeriodsService,
    private readonly changes: AuditChangesService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: BudgetDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Category not found' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Such a budget already exists' })
  create(@Body() body: CreateBudgetDto): Promise<BudgetDto> {
    return this.budgets.create(body);
  }

  @Get()
  @ApiOkResponse({ type: BudgetListDto })
  list(@Query() query: PaginationQueryDto): Promise<BudgetListDto> {
    return this.budgets.list(query);
  }

  @Get('alerts')
  @ApiOkResponse({ type: BudgetAlertPageDto, description: 'Threshold crossings, newest first' })
  alerts(@Query() query: PaginationQueryDto): Promise<BudgetAlertPageDto> {
    return this.budgets.alerts(query);
  }

  @GetById(BudgetDto)
  get(@IdParam() id: string): Promise<BudgetDto> {
    return this.budgets.get(id);
  }

  @Get(':id/periods')
  @ApiOkResponse({
    type: BudgetPeriodsDto,
    description: "The budget's latest periods with what was spent in each, the current one first",
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such budget of yours' })
  periods(@IdParam() id: string, @Query() query: BudgetPeriodsQueryDto): Promise<BudgetPeriodsDto> {
    return this.periodResults.periods(id, query.count);
  }

  @PatchById(BudgetDto)
  update(@IdParam() id: string, @Body() body: UpdateBudgetDto): Promise<BudgetDto> {
    return this.budgets.update(id, body);
  }

  @GetHistoryById()
  history(@IdParam() id: string): Promise<RecordHistoryDto> {
    return this.changes.historyOfOwned('budgets', id, () => this.budgets.owns(id));
  }

  @SoftDeleteById()
  remove(@IdParam() id: string): Promise<void> {
    return this.budgets.remove(id);
  }
}
