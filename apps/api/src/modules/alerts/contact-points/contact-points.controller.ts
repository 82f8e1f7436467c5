import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
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
import { ContactPointsService } from './contact-points.service';
import {
  CONTACT_POINT_SETTINGS_MODELS,
  ContactPointBodyDto,
  ContactPointDto,
  ContactPointListDto,
  SavedContactPointDto,
} from './dto/contact-point.dto';

const RESOURCE = 'alert_contact_point';

const idParam = () => ApiParam({ name: 'id', format: 'uuid', description: 'Contact point' });
const notFound = () =>
  ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No contact point with this ID' });
const invalid = () =>
  ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'A field is missing or wrong (`details` names it), settings do not fit the type, or this ' +
      'server cannot send through the type (no SMTP_URL for email, no SMS_TWILIO_* for SMS)',
  });
const nameTaken = () =>
  ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Another contact point has this name (case-insensitively)',
  });

@ApiTags('alert contact points (admin)')
@ApiBearerAuth()
@ApiExtraModels(...CONTACT_POINT_SETTINGS_MODELS)
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin' })
@Roles('admin')
@Controller('monitoring/alerts/contact-points')
export class ContactPointsController {
  constructor(private readonly contactPoints: ContactPointsService) {}

  @Get()
  @ApiOperation({ summary: 'Every contact point, by name (at most 500); secrets never included' })
  @ApiOkResponse({ type: ContactPointListDto })
  async list(): Promise<ContactPointListDto> {
    return { items: await this.contactPoints.list() };
  }

  @Post()
  @Audit({
    action: `${RESOURCE}.create`,
    resourceType: RESOURCE,
    category: 'admin',
    message: 'Created an alert contact point',
  })
  @ApiOperation({
    summary: 'Create a contact point (email, webhook or SMS)',
    description:
      'A webhook without `secret` gets a generated signing secret, returned in this answer ' +
      'only (`secret`): it is never shown again. Secrets are write-only; answers say `hasSecret`.',
  })
  @ApiCreatedResponse({ type: SavedContactPointDto })
  @invalid()
  @nameTaken()
  create(@Body() body: ContactPointBodyDto): Promise<SavedContactPointDto> {
    return this.contactPoints.create(body);
  }

  @Get(':id')
  @idParam()
  @ApiOperation({ summary: 'One contact point; never its secret' })
  @ApiOkResponse({ type: ContactPointDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The ID is not a UUID' })
  @notFound()
  get(@IdParam() id: string): Promise<ContactPointDto> {
    return this.contactPoints.find(id);
  }

  @Put(':id')
  @idParam()
  @Audit({
    action: `${RESOURCE}.update`,
    resourceType: RESOURCE,
    category: 'admin',
    message: 'Updated an alert contact point',
  })
  @ApiOperation({
    summary: 'Replace a contact point',
    description:
      'Without `secret`, a webhook keeps its stored secret (a contact point that becomes a ' +
      'webhook gets a generated one, returned in this answer only); other types hold none. ' +
      'Saving enables a disabled contact point again.',
  })
  @ApiOkResponse({ type: SavedContactPointDto })
  @invalid()
  @notFound()
  @nameTaken()
  update(@IdParam() id: string, @Body() body: ContactPointBodyDto): Promise<SavedContactPointDto> {
    return this.contactPoints.update(id, body);
  }

  @Delete(':id')
  @idParam()
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit({
    action: `${RESOURCE}.delete`,
    resourceType: RESOURCE,
    category: 'admin',
    message: 'Deleted an alert contact point',
  })
  @ApiOperation({ summary: 'Delete a contact point no enabled alert rule uses' })
  @ApiNoContentResponse({
    description: 'Soft-deleted: gone from lists and rules can no longer use it',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The ID is not a UUID' })
  @notFound()
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'Enabled alert rules still use it; the message and `details.rules` name them',
  })
  remove(@IdParam() id: string): Promise<void> {
    return this.contactPoints.remove(id);
  }
}
