import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
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

  @Get(':id')
  @ApiOkResponse({ type: TransactionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<TransactionDto> {
    return this.transactions.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: TransactionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateTransactionDto,
  ): Promise<TransactionDto> {
    return this.transactions.update(id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Soft-deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.transactions.remove(id);
  }
}
