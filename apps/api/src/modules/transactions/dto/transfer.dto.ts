import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';
import { AmountInCents, AmountInCentsInput } from '../../../common/http/money-fields';
import { trim } from '../../../common/http/transforms';

export class CreateTransferDto {
  @ApiProperty({ format: 'uuid', description: 'The account the money leaves' })
  @IsUUID('all', { message: 'fromAccountId must be a UUID' })
  fromAccountId: string;

  @ApiProperty({ format: 'uuid', description: 'The account the money reaches' })
  @IsUUID('all', { message: 'toAccountId must be a UUID' })
  toAccountId: string;

  @AmountInCentsInput({
    description: "Amount leaving, in the from-account's currency",
    example: 20000,
  })
  amountCents: number;

  @AmountInCentsInput({
    description:
      "Amount arriving, in the to-account's currency: required when the currencies differ, else the same as amountCents",
    example: 21500,
    optional: true,
  })
  toAmountCents?: number;

  @ApiProperty({ format: 'date', example: '2026-11-03' })
  @IsCalendarDate()
  occurredOn: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'Default: "Transfer"' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'description must be text' })
  @MinLength(1, { message: 'description must not be empty' })
  @MaxLength(255, { message: 'description must be at most 255 characters' })
  description?: string;
}

export class UpdateTransferDto extends PartialType(CreateTransferDto) {}

/** A transfer: the two rows it books, seen as one. */
export class TransferDto {
  @ApiProperty({ format: 'uuid', description: 'The transferId both rows share' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  fromAccountId: string;

  @ApiProperty({ format: 'uuid' })
  toAccountId: string;

  @AmountInCents({ description: 'Amount leaving', example: 20000 })
  amountCents: number;

  @AmountInCents({ description: 'Amount arriving', example: 20000 })
  toAmountCents: number;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ApiProperty({ example: 'EUR' })
  toCurrency: string;

  @ApiProperty({ format: 'date' })
  occurredOn: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'uuid', description: 'The transfer_out row' })
  outTransactionId: string;

  @ApiProperty({ format: 'uuid', description: 'The transfer_in row' })
  inTransactionId: string;
}
