import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../common/auth/current-user.decorator';
import { AuthenticationError } from '../../common/errors/domain-errors';
import { UserContext } from '../../database/user-context';
import { User, UserDto, UsersService } from '../users';
import { AuthSessionDto } from './dto/auth-session.dto';
import { LoginDto, RegisterDto } from './dto/credentials.dto';
import { IssuedTokens, TokensService } from './tokens.service';

function session(user: User, tokens: IssuedTokens): AuthSessionDto {
  return { ...tokens, user: UserDto.from(user) };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly userContext: UserContext,
  ) {}

  async register(input: RegisterDto): Promise<AuthSessionDto> {
    const user = await this.userContext.runAsSystem((manager) => this.users.create(input, manager));
    return session(user, await this.tokens.issue(user));
  }

  async login(input: LoginDto): Promise<AuthSessionDto> {
    const user = await this.users.findWithPasswordByEmail(input.email);
    if (!user || !(await this.users.passwordMatches(user, input.password))) {
      throw new AuthenticationError('Invalid email or password');
    }
    return session(user, await this.tokens.issue(user));
  }

  async refresh(refreshToken: string): Promise<AuthSessionDto> {
    const { user, tokens } = await this.tokens.rotate(refreshToken);
    return session(user, tokens);
  }

  /** Ends the caller's sign-in: every access and refresh token of it, and its sockets. */
  logout(caller: AuthenticatedUser): Promise<void> {
    return this.tokens.endSignIn(caller.familyId, 'logout');
  }

  async me(caller: AuthenticatedUser): Promise<UserDto> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new AuthenticationError('This account no longer exists');
    return UserDto.from(user);
  }
}
