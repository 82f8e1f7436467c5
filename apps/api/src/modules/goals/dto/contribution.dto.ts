import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, NotEquals } from 'class-validator';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';
import { SignedAmountInCents, SignedAmountInCentsInput } from '../../../common/http/money-fields';
import { PageOf } from '../../../common/http/pagination.dto';
import { trim } from '../../../common/http/transforms';

const AMOUNT_DOCS = {
  description: 'Put aside (positive) or taken out (negative), never zero',
  example: 10_000,
};

export class CreateContributionDto {
  @SignedAmountInCentsInput(AMOUNT_DOCS)
  @NotEquals(0, { message: 'amountCents must not be zero' })
  amountCents: number;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-01',
    description: "The day of the contribution; today (in the user's time zone) when omitted",
  })
  @IsOptional()
  @IsCalendarDate()
  contributedOn?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'note must be text' })
  @MaxLength(255, { message: 'note must be at most 255 characters' })
  note?: string | null;
}

export class ContributionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  goalId: string;

  @SignedAmountInCents(AMOUNT_DOCS)
  amountCents: number;

  @ApiProperty({ format: 'date' })
  contributedOn: string;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty()
  createdAt: Date;
}

export class ContributionListDto extends PageOf(ContributionDto) {}
