import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { OptionalDateTime, OptionalInteger } from '../../../common/http/optional-fields';

export class ResolveExceptionDto {
  @ApiPropertyOptional({ maxLength: 2000, example: 'Fixed by rounding amounts before the sum' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

/** Without either field the group is ignored until someone changes its status. */
export class IgnoreExceptionDto {
  @OptionalDateTime('Back to unresolved once this time has passed (must be in the future)')
  until?: string;

  @OptionalInteger({
    min: 1,
    max: 1_000_000_000,
    description: 'Back to unresolved once it has occurred this many more times',
  })
  untilCount?: number;
}
