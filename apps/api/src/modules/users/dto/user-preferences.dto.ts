import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, ValidateIf } from 'class-validator';

/** The signed-in user's notification preferences. */
export class UserPreferencesDto {
  @ApiProperty({ description: 'Budget threshold crossings are also sent by email' })
  budgetAlertEmails: boolean;
}

/** Preferences to change; those left out keep their value. */
export class UpdateUserPreferencesDto {
  @ApiPropertyOptional({
    description: 'Send budget threshold crossings by email too',
    example: true,
  })
  // Left out keeps the value; null is refused like any other non-boolean.
  @ValidateIf((_, value) => value !== undefined)
  @IsBoolean({ message: 'budgetAlertEmails must be true or false' })
  budgetAlertEmails?: boolean;
}
