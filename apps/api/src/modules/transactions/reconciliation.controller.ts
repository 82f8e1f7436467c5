import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { IdParam } from '../../common/http/resource-routes';
import { ReconcileAccountDto, ReconciliationDto } from './dto/reconciliation.dto';
import { ReconciliationService } from './reconciliation.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Post(':id/reconcile')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReconciliationDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'Invalid input, one message per field',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such account of yours' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'An archived account, or a difference too large for one adjustment',
  })
  reconcile(@IdParam() id: string, @Body() body: ReconcileAccountDto): Promise<ReconciliationDto> {
    return this.reconciliation.reconcile(id, body);
  }
}
