import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one shape of every error answer. */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'Validation failed' })
  message: string;

  @ApiPropertyOptional({
    description: 'Field name → messages',
    example: { amountCents: ['amountCents must be a positive integer'] },
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  details?: Record<string, string[]>;

  @ApiProperty({ example: '4bf92f3577b34da6a3ce929d0e0e4736' })
  traceId: string;
}
