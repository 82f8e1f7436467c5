import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { GetById, IdParam, PatchById, SoftDeleteById } from '../../common/http/resource-routes';
import { AuditChangesService, GetHistoryById, RecordHistoryDto } from '../audit';
import { AccountsService } from './accounts.service';
import {
  AccountBalanceDto,
  AccountBalanceQueryDto,
  AccountDto,
  AccountListDto,
  CreateAccountDto,
  UpdateAccountDto,
} from './dto/account.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly changes: AuditChangesService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: AccountDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Name already used by this user' })
  create(@Body() body: CreateAccountDto): Promise<AccountDto> {
    return this.accounts.create(body);
  }

  @Get()
  @ApiOkResponse({ type: AccountListDto, description: 'Open accounts first, each by name' })
  list(@Query() query: PaginationQueryDto): Promise<AccountListDto> {
    return this.accounts.list(query);
  }

  @GetById(AccountDto)
  get(@IdParam() id: string): Promise<AccountDto> {
    return this.accounts.get(id);
  }

  @Get(':id/balance')
  @ApiOkResponse({ type: AccountBalanceDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  balance(
    @IdParam() id: string,
    @Query() query: AccountBalanceQueryDto,
  ): Promise<AccountBalanceDto> {
    return this.accounts.balance(id, query.asOf);
  }

  @PatchById(AccountDto)
  @ApiConflictResponse({ type: ErrorResponseDto })
  update(@IdParam() id: string, @Body() body: UpdateAccountDto): Promise<AccountDto> {
    return this.accounts.update(id, body);
  }

  @GetHistoryById()
  history(@IdParam() id: string): Promise<RecordHistoryDto> {
    return this.changes.historyOfOwned('accounts', id, () => this.accounts.owns(id));
  }

  @SoftDeleteById()
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description:
      'The account has transactions, recurring rules or savings goals: archive it instead',
  })
  remove(@IdParam() id: string): Promise<void> {
    return this.accounts.remove(id);
  }
}
