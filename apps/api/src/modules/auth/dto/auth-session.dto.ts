import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../users';

export class AuthSessionDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header' })
  accessToken: string;

  @ApiProperty({ description: 'Single-use token for POST /auth/refresh' })
  refreshToken: string;

  @ApiProperty({
    type: 'integer',
    description: 'Seconds until the access token expires',
    example: 900,
  })
  expiresIn: number;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}
