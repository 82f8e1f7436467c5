import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { trim } from '../../../common/http/transforms';

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
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Back to unresolved once this time has passed (must be in the future)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'Back to unresolved once it has occurred this many more times',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  untilCount?: number;
}
