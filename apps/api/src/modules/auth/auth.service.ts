import { InternalEvent, SessionEndedPayload } from '@ledgerlens/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuthenticatedUser } from '../../common/auth/current-user.decorator';
import { AuthenticationError } from '../../common/errors/domain-errors';
import { UserContext } from '../../database/user-context';
import { UserDto } from '../users/dto/user.dto';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthSessionDto } from './dto/auth-session.dto';
import { LoginDto, RegisterDto } from './dto/credentials.dto';
import { TokenRevocationStore } from './token-revocation.store';
import { IssuedTokens, TokensService } from './tokens.service';

function session(user: User, tokens: IssuedTokens): AuthSessionDto {
  return { ...tokens, user: UserDto.from(user) };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
    private readonly revocations: TokenRevocationStore,
    private readonly userContext: UserContext,
    private readonly events: EventEmitter2,
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

  /**
   * Ends the sign-in: this access token stops working now, its refresh tokens too, and its open
   * sockets are closed.
   */
  async logout(caller: AuthenticatedUser): Promise<void> {
    await this.revocations.revoke(caller.jti, new Date(caller.expiresAt * 1000));
    await this.tokens.revokeFamily(caller.familyId);
    const ended: SessionEndedPayload = { familyId: caller.familyId, reason: 'logout' };
    this.events.emit(InternalEvent.SessionEnded, ended);
  }

  async me(caller: AuthenticatedUser): Promise<UserDto> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new AuthenticationError('This account no longer exists');
    return UserDto.from(user);
  }
}
