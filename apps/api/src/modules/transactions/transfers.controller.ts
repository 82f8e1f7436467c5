import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { GetById, IdParam, PatchById, SoftDeleteById } from '../../common/http/resource-routes';
import { CreateTransferDto, TransferDto, UpdateTransferDto } from './dto/transfer.dto';
import { TransfersService } from './transfers.service';

const unbookable = () =>
  ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description:
      'One account twice, an archived account, or amounts that do not fit the currencies',
  });

@ApiTags('transfers')
@ApiBearerAuth()
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'Invalid input, one message per field',
})
@Controller('transfers')
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @Post()
  @ApiCreatedResponse({ type: TransferDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Account not found' })
  @unbookable()
  create(@Body() body: CreateTransferDto): Promise<TransferDto> {
    return this.transfers.create(body);
  }

  @GetById(TransferDto)
  get(@IdParam() id: string): Promise<TransferDto> {
    return this.transfers.get(id);
  }

  @PatchById(TransferDto)
  @unbookable()
  update(@IdParam() id: string, @Body() body: UpdateTransferDto): Promise<TransferDto> {
    return this.transfers.update(id, body);
  }

  @SoftDeleteById()
  remove(@IdParam() id: string): Promise<void> {
    return this.transfers.remove(id);
  }
}
