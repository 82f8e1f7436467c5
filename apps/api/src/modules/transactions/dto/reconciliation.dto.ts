import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../common/http/is-calendar-date.decorator';
import {
  ExactSum,
  SignedAmountInCents,
  SignedAmountInCentsInput,
} from '../../../common/http/money-fields';
import { TransactionDto } from './transaction.dto';

export class ReconcileAccountDto {
  @SignedAmountInCentsInput({
    description: "The bank statement's closing balance",
    example: 254300,
  })
  statementBalanceCents: number;

  @ApiProperty({
    format: 'date',
    description: "The statement's closing day",
    example: '2026-11-30',
  })
  @IsCalendarDate()
  statementDate: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Book the difference as a reconciliation adjustment on the statement day',
  })
  @IsOptional()
  @IsBoolean({ message: 'bookAdjustment must be true or false' })
  bookAdjustment?: boolean;
}

export class ReconciliationDto {
  @ApiProperty({ format: 'uuid' })
  accountId: string;

  @ApiProperty({ format: 'date' })
  statementDate: string;

  @SignedAmountInCents({ description: "The statement's closing balance", example: 254300 })
  statementBalanceCents: number;

  @ExactSum('The ledger balance at the end of statementDate, before any adjustment', '254000')
  balanceCents: string;

  @ExactSum('statementBalanceCents minus balanceCents', '300')
  differenceCents: string;

  @ApiProperty({
    type: TransactionDto,
    nullable: true,
    description: 'The adjustment booked for the difference, when asked for',
  })
  adjustment: TransactionDto | null;

  @ApiProperty({
    description: 'The ledger now matches the statement: the difference was zero or was booked',
  })
  reconciled: boolean;
}
