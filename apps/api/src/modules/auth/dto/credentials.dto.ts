import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trim } from '../../../common/http/transforms';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'demo@ledgerlens.local' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo-password', format: 'password' })
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(128)
  password: string;
}

export class RegisterDto extends OmitType(LoginDto, ['password'] as const) {
  @ApiProperty({ minLength: 8, maxLength: 128, format: 'password' })
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters long' })
  @MaxLength(128)
  password: string;

  @ApiProperty({ example: 'Ada Lovelace', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'displayName is required' })
  @MaxLength(100)
  displayName: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'refreshToken is required' })
  @MaxLength(512)
  refreshToken: string;
}
