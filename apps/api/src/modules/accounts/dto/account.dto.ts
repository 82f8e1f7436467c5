import { ACCOUNT_KINDS, AccountKind } from '@ledgerlens/contracts';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';
import {
  ExactSum,
  SignedAmountInCents,
  SignedAmountInCentsInput,
} from '../../../common/http/money-fields';
import { PageOf } from '../../../common/http/pagination.dto';
import { trim, trimUpper } from '../../../common/http/transforms';
import { Account } from '../account.entity';

const KIND_MESSAGE = `kind must be one of ${ACCOUNT_KINDS.join(', ')}`;

export class CreateAccountDto {
  @ApiProperty({ example: 'Everyday checking', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ACCOUNT_KINDS })
  @IsIn(ACCOUNT_KINDS, { message: KIND_MESSAGE })
  kind: AccountKind;

  @ApiProperty({
    description: 'ISO 4217 code; every transaction of the account is in it',
    example: 'EUR',
  })
  @Transform(trimUpper)
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency: string;

  @SignedAmountInCentsInput({
    description: 'Balance on the opening date; default 0',
    example: 120000,
    optional: true,
  })
  openingBalanceCents?: number;

  @ApiPropertyOptional({ format: 'date', description: 'Default: today' })
  @IsOptional()
  @IsCalendarDate()
  openingDate?: string;
}

/** The currency stays: the account's transactions are in it. */
export class UpdateAccountDto extends PartialType(OmitType(CreateAccountDto, ['currency'])) {
  @ApiPropertyOptional({
    description: 'Archived accounts keep their history but take no new entries',
  })
  @IsOptional()
  @IsBoolean({ message: 'archived must be true or false' })
  archived?: boolean;
}

export class AccountDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ACCOUNT_KINDS })
  kind: AccountKind;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @SignedAmountInCents({ description: 'Balance on the opening date', example: 120000 })
  openingBalanceCents: number;

  @ApiProperty({ format: 'date' })
  openingDate: string;

  @ApiProperty()
  archived: boolean;

  @ExactSum("Balance at the end of today (the user's time zone)", '254300')
  balanceCents: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Last statement reconciled',
  })
  lastReconciledOn: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The statement balance of the last reconciliation, in minor units',
  })
  reconciledBalanceCents: number | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(account: Account, balanceCents: bigint): AccountDto {
    return {
      id: account.id,
      name: account.name,
      kind: account.kind,
      currency: account.currency,
      openingBalanceCents: account.openingBalanceCents,
      openingDate: account.openingDate,
      archived: account.archived,
      balanceCents: balanceCents.toString(),
      lastReconciledOn: account.lastReconciledOn,
      reconciledBalanceCents: account.reconciledBalanceCents,
      createdAt: account.createdAt,
      updatedAt: account.updatedAt,
    };
  }
}

export class AccountListDto extends PageOf(AccountDto) {}

export class AccountBalanceQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'End of this day; default: today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class AccountBalanceDto {
  @ApiProperty({ format: 'uuid' })
  accountId: string;

  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ example: 'EUR' })
  currency: string;

  @ExactSum('Balance at the end of asOf', '254300')
  balanceCents: string;
}
