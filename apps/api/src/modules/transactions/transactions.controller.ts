import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { GetById, IdParam, PatchById, SoftDeleteById } from '../../common/http/resource-routes';
import {
  CreateTransactionDto,
  ListTransactionsQueryDto,
  TransactionDto,
  TransactionPageDto,
  UpdateTransactionDto,
} from './dto/transaction.dto';
import { TransactionsService } from './transactions.service';

@ApiTags('transactions')
@ApiBearerAuth()
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'Invalid input, one message per field',
})
@Controller('transactions')
export class TransactionsController {
  constructor(private readonly transactions: TransactionsService) {}

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
  list(@Query() query: ListTransactionsQueryDto): Promise<TransactionPageDto> {
    return this.transactions.list(query);
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

  @SoftDeleteById()
  remove(@IdParam() id: string): Promise<void> {
    return this.transactions.remove(id);
  }
}
