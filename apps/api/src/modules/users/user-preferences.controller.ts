import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audit } from '../audit';
import { UpdateUserPreferencesDto, UserPreferencesDto } from './dto/user-preferences.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users/me/preferences')
export class UserPreferencesController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'Your preferences: notifications, currency, time zone, week and formats',
  })
  @ApiOkResponse({ type: UserPreferencesDto })
  get(): Promise<UserPreferencesDto> {
    return this.users.preferences();
  }

  @Patch()
  @Audit({
    action: 'user.preferences.update',
    resourceType: 'user',
    category: 'settings',
    message: 'Changed preferences',
  })
  @ApiOperation({
    summary: 'Change your preferences',
    description:
      '`budgetAlertEmails: true` also emails you each budget threshold crossing (to your ' +
      'account address); in-app notifications are always kept. `timeZone` (IANA) decides where ' +
      'budget periods start. Fields left out keep their value.',
  })
  @ApiOkResponse({ type: UserPreferencesDto })
  update(@Body() body: UpdateUserPreferencesDto): Promise<UserPreferencesDto> {
    return this.users.updatePreferences(body);
  }
}
