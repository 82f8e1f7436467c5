import { Body, Controller, Get, Post, Query } from '@nestjs/common';
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
import { AuditChangesService, GetHistoryById, RecordHistoryDto } from '../audit';
import { GetById, IdParam, PatchById, SoftDeleteById } from '../../common/http/resource-routes';
import {
  CreateTransactionDto,
  ListTransactionsQueryDto,
  TransactionDto,
  TransactionFiltersDto,
  TransactionPageDto,
  UpdateTransactionDto,
} from './dto/transaction.dto';
import { CategoriesInUseDto } from './dto/categories-in-use.dto';
import {
  TransactionSummaryDto,
  TransactionSummaryQueryDto,
  TransactionTotalsDto,
} from './dto/transaction-summary.dto';
import { TransactionSummaryService } from './transaction-summary.service';
import { TransactionsService } from './transactions.service';

@ApiTags('transactions')
@ApiBearerAuth()
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'Invalid input, one message per field',
})
@Controller('transactions')
export class TransactionsController {
  constructor(
    private readonly transactions: TransactionsService,
    private readonly summaries: TransactionSummaryService,
    private readonly changes: AuditChangesService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: TransactionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Category not found' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'Type does not match category',
  })
  create(@Body() body: CreateTransactionDto): Promise<TransactionDto> {
    return this.transactions.create(body);
  }

  @Get()
  @ApiOkResponse({ type: TransactionPageDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'minAmountCents is greater than maxAmountCents',
  })
  list(@Query() query: ListTransactionsQueryDto): Promise<TransactionPageDto> {
    return this.transactions.list(query);
  }

  // These are declared before the `:id` routes, which would otherwise take "summary" for an ID.
  @Get('summary')
  @ApiOperation({
    summary: 'Totals of a date range: income, spending and net per currency, sums per category',
  })
  @ApiOkResponse({ type: TransactionSummaryDto })
  summary(@Query() query: TransactionSummaryQueryDto): Promise<TransactionSummaryDto> {
    return this.summaries.summarize(query);
  }

  @Get('totals')
  @ApiOperation({
    summary:
      'Totals of the transactions the list filters match: income, spending and net per currency',
  })
  @ApiOkResponse({ type: TransactionTotalsDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'minAmountCents is greater than maxAmountCents',
  })
  totals(@Query() filters: TransactionFiltersDto): Promise<TransactionTotalsDto> {
    return this.summaries.totals(filters);
  }

  @Get('categories')
  @ApiOperation({
    summary: 'The categories your transactions use, deleted ones included (with deletedAt)',
  })
  @ApiOkResponse({ type: CategoriesInUseDto })
  categoriesInUse(): Promise<CategoriesInUseDto> {
    return this.transactions.categoriesInUse();
  }

  @GetById(TransactionDto)
  get(@IdParam() id: string): Promise<TransactionDto> {
    return this.transactions.get(id);
  }

  @PatchById(TransactionDto)
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  update(@IdParam() id: string, @Body() body: UpdateTransactionDto): Promise<TransactionDto> {
    return this.transactions.update(id, body);
  }

  @GetHistoryById()
  history(@IdParam() id: string): Promise<RecordHistoryDto> {
    return this.changes.historyOfOwned('transactions', id, () => this.transactions.owns(id));
  }

  @SoftDeleteById()
  remove(@IdParam() id: string): Promise<void> {
    return this.transactions.remove(id);
  }
}
