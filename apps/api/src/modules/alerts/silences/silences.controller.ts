import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../../common/http/error-response.dto';
import { IdParam } from '../../../common/http/resource-routes';
import { Audit } from '../../audit';
import {
  CreateSilenceDto,
  SilenceDto,
  SilenceListDto,
  SilenceListQueryDto,
} from './dto/silence.dto';
import { SilencesService } from './silences.service';

const RESOURCE = 'alert_silence';

@ApiTags('alert silences (admin)')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin' })
@Roles('admin')
@Controller('monitoring/alerts/silences')
export class SilencesController {
  constructor(private readonly silences: SilencesService) {}

  @Get()
  @ApiOperation({
    summary: 'Silences, newest first (at most 500), optionally in one state',
  })
  @ApiOkResponse({ type: SilenceListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Unknown state' })
  async list(@Query() query: SilenceListQueryDto): Promise<SilenceListDto> {
    return { items: await this.silences.list(query.state) };
  }

  @Post()
  @Audit({
    action: `${RESOURCE}.create`,
    resourceType: RESOURCE,
    category: 'admin',
    message: 'Created an alert silence',
  })
  @ApiOperation({
    summary: 'Silence notifications of the alert instances it matches, for a while',
    description:
      'An instance is silenced while the silence is active when it belongs to `ruleId` (if ' +
      'given) and every matcher matches its labels (Alertmanager semantics; regular ' +
      'expressions match whole values). Give a ruleId, matchers, or both. The author is the ' +
      'signed-in admin.',
  })
  @ApiCreatedResponse({ type: SilenceDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'Neither ruleId nor matchers, an unknown rule, a regular expression that does not ' +
      'compile or is too long, or an end not in the future or not after the start',
  })
  create(@Body() body: CreateSilenceDto): Promise<SilenceDto> {
    return this.silences.create(body);
  }

  @Delete(':id')
  @ApiParam({ name: 'id', format: 'uuid', description: 'Silence' })
  @Audit({
    action: `${RESOURCE}.expire`,
    resourceType: RESOURCE,
    category: 'admin',
    message: 'Expired an alert silence',
  })
  @ApiOperation({
    summary: 'Expire a silence: it ends now',
    description:
      'A pending silence will not start. Expiring an expired silence changes nothing. The ' +
      'silence is kept, as `expired`.',
  })
  @ApiOkResponse({ type: SilenceDto, description: 'The silence, now expired' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The ID is not a UUID' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No silence with this ID' })
  expire(@IdParam() id: string): Promise<SilenceDto> {
    return this.silences.expire(id);
  }
}
