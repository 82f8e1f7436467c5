import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser } from '../../common/auth/current-user.decorator';
import { Public } from '../../common/auth/public.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { RateLimited } from '../../common/http/rate-limits';
import { Audit } from '../audit';
import { UserDto } from '../users';
import { AuthService } from './auth.service';
import { AuthSessionDto } from './dto/auth-session.dto';
import { LoginDto, RefreshDto, RegisterDto } from './dto/credentials.dto';

/** Responses carrying tokens must not be stored by a browser or proxy (RFC 6749 §5.1). */
const CarriesTokens = () =>
  applyDecorators(Header('Cache-Control', 'no-store'), Header('Pragma', 'no-cache'));

@ApiTags('auth')
@Audit({ category: 'authentication' })
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @RateLimited('auth')
  @Post('register')
  @CarriesTokens()
  @Audit({ message: 'Registered an account' })
  @ApiCreatedResponse({ type: AuthSessionDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Email already registered' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  register(@Body() body: RegisterDto): Promise<AuthSessionDto> {
    return this.auth.register(body);
  }

  @Public()
  @RateLimited('auth')
  @Post('login')
  @CarriesTokens()
  @Audit({ message: 'Signed in' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AuthSessionDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Invalid email or password' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  login(@Body() body: LoginDto): Promise<AuthSessionDto> {
    return this.auth.login(body);
  }

  @Public()
  @Post('refresh')
  @CarriesTokens()
  @Audit({ message: 'Refreshed a session' })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AuthSessionDto })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'Invalid, expired, revoked or reused',
  })
  refresh(@Body() body: RefreshDto): Promise<AuthSessionDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @ApiBearerAuth()
  @Post('logout')
  @Audit({ message: 'Signed out' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The access token and its refresh tokens are revoked' })
  logout(@CurrentUser() caller: AuthenticatedUser): Promise<void> {
    return this.auth.logout(caller);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  me(@CurrentUser() caller: AuthenticatedUser): Promise<UserDto> {
    return this.auth.me(caller);
  }
}
