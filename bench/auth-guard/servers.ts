/**
 * The servers of `bench/auth-guard.ts`, started in one process (a child of the bench, so its
 * CPU time is theirs alone): minimal Nest HTTP apps on loopback serving the same
 * authenticated `GET /me`, one behind the API's own `JwtAuthGuard`, the other behind
 * `AuthGuard('jwt')` of @nestjs/passport with a passport-jwt strategy doing the same checks;
 * and a third, the baseline, whose guard sets a fixed caller without reading any token.
 *
 * What all three share, so that only the guards differ:
 * - the request context of the API: nestjs-cls mounted as middleware and the API's own
 *   `RequestContext` (the guard sets the caller on it), taken from the guard's constructor
 *   parameters as Nest's injector sees them, since the bench may import only the auth module's
 *   entry point;
 * - the key and verify options of `modules/auth/jwt-options.ts` (HS256, the secret as a
 *   `KeyObject`; no issuer or audience, which the API does not set);
 * - the two in-memory lists of the request path (revoked sign-ins, deleted accounts): stand-ins
 *   doing what `PostgresTokenRevocationStore.isRevoked` and `DeletedAccounts.isDeleted` do while
 *   their listener is up, a map lookup and a clock comparison. They are provided under the
 *   tokens the API's `AccessTokenVerifier` is injected with, so no database is needed;
 * - an exception filter answering as the API's does: `{ statusCode, error, message, traceId }`.
 *
 * Talks to the bench over IPC: sends `{ ports }` once listening; answers `cpu` with
 * `process.cpuUsage()` and `{ timeGuards }` with the guards' cost called alone; exits on `stop`.
 */
import '../support/api-paths';
import {
  ArgumentsHost,
  CanActivate,
  Catch,
  Controller,
  ExceptionFilter,
  ExecutionContext,
  Get,
  HttpException,
  Inject,
  INestApplication,
  Injectable,
  Module,
  Req,
  Type,
  UnauthorizedException,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory, Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard, PassportModule, PassportStrategy } from '@nestjs/passport';
import { isIn, isInt, isString, isUUID } from 'class-validator';
import type { Request, Response } from 'express';
import { Server as HttpServer, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClsModule, ClsService } from 'nestjs-cls';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccessTokenVerifier, JwtAuthGuard } from '../../apps/api/src/modules/auth';
import {
  accessTokenFor,
  BenchMessage,
  Guard,
  jwtModuleOptions,
  REVOKED_FAMILY,
  TokenCase,
} from './shared';

/** The API's `ROUTE_ACCESS` metadata key and its values (common/auth/public.decorator.ts). */
const ROUTE_ACCESS = 'routeAccess';
type RouteAccess = 'public' | 'optional';
const INVALID = 'Missing or invalid access token';

/** The caller as both guards leave it on `request.user` (the API's `AuthenticatedUser`). */
interface AuthenticatedUser {
  id: string;
  email: string;
  role: 'user' | 'admin';
  jti: string;
  familyId: string;
  expiresAt: number;
}

/** What the guard sets the caller with (the API's `RequestContext.setActor`). */
interface RequestContextLike {
  setActor(actor: Pick<AuthenticatedUser, 'id' | 'email' | 'role'>): void;
}

/** A class's constructor parameter types as Nest's injector reads them. */
function injectedTypesOf(type: Type): Type[] {
  return Reflect.getMetadata('design:paramtypes', type) as Type[];
}

// JwtAuthGuard(reflector, requestContext, verifier); AccessTokenVerifier(jwt, revocations, deleted)
const [, RequestContext] = injectedTypesOf(JwtAuthGuard);
const [, TokenRevocationStore, DeletedAccounts] = injectedTypesOf(AccessTokenVerifier);

/** Revoked sign-ins while the listener is up (PostgresTokenRevocationStore.isRevoked). */
class RevokedSignIns {
  private readonly revokedUntil = new Map([[REVOKED_FAMILY, Date.now() + 3_600_000]]);

  async isRevoked(familyId: string): Promise<boolean> {
    const until = this.revokedUntil.get(familyId);
    if (until !== undefined) return until > Date.now();
    return false;
  }
}

/** Accounts deleted recently, while the listener is up (DeletedAccounts.isDeleted). */
class RecentlyDeletedAccounts {
  private readonly deletedUntil = new Map<string, number>();

  async isDeleted(userId: string): Promise<boolean> {
    return (this.deletedUntil.get(userId) ?? 0) > Date.now();
  }
}

@Controller()
class MeController {
  @Get('me')
  me(@Req() request: Request & { user: AuthenticatedUser }) {
    return { id: request.user.id, email: request.user.email };
  }
}

/** The API's error body for what the guards throw (common/errors/all-exceptions.filter.ts). */
@Catch()
class ErrorBodyFilter implements ExceptionFilter {
  constructor(@Inject(ClsService) private readonly cls: ClsService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : ((exception as { status?: number }).status ?? 500);
    const message = exception instanceof Error ? exception.message : 'Unexpected error';
    const traceId = this.cls.getId();
    host
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('X-Trace-Id', traceId)
      .status(status)
      .json({ statusCode: status, error: STATUS_CODES[status], message, traceId });
  }
}

/**
 * The claims check of `modules/auth/access-token-claims.ts`, which the passport strategy has to
 * repeat: passport-jwt verifies the signature and `exp`, not the claims the API relies on.
 */
function accessTokenClaimsOf(payload: unknown) {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const claims = payload as Record<string, unknown>;
  const valid =
    isUUID(claims['sub']) &&
    isUUID(claims['jti']) &&
    isUUID(claims['fam']) &&
    isString(claims['email']) &&
    isIn(claims['role'], ['user', 'admin']) &&
    isInt(claims['exp']) &&
    isInt(claims['iat']) &&
    (claims['iat'] as number) <= Date.now() / 1000 + 30;
  return valid
    ? (claims as {
        sub: string;
        email: string;
        role: 'user' | 'admin';
        jti: string;
        fam: string;
        exp: number;
      })
    : undefined;
}

/** passport-jwt with the API's key and checks: what `validate` returns becomes `request.user`. */
@Injectable()
class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(TokenRevocationStore) private readonly revocations: RevokedSignIns,
    @Inject(DeletedAccounts) private readonly deletedAccounts: RecentlyDeletedAccounts,
    @Inject(RequestContext) private readonly requestContext: RequestContextLike,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, as the API hands jsonwebtoken (the types say string | Buffer; a Buffer or
      // string would be tried as a PEM key on every verify).
      secretOrKey: jwtModuleOptions().secret as unknown as Buffer,
      algorithms: ['HS256'],
    });
  }

  async validate(payload: unknown): Promise<AuthenticatedUser> {
    const claims = accessTokenClaimsOf(payload);
    if (!claims) throw new UnauthorizedException(INVALID);
    if (await this.revocations.isRevoked(claims.fam)) {
      throw new UnauthorizedException('Access token has been revoked');
    }
    if (await this.deletedAccounts.isDeleted(claims.sub)) {
      throw new UnauthorizedException('This account no longer exists');
    }
    const user: AuthenticatedUser = {
      id: claims.sub,
      email: claims.email,
      role: claims.role,
      jti: claims.jti,
      familyId: claims.fam,
      expiresAt: claims.exp,
    };
    this.requestContext.setActor({ id: user.id, email: user.email, role: user.role });
    return user;
  }
}

/**
 * `AuthGuard('jwt')` made to behave as `JwtAuthGuard`: closed by default, open for @Public(),
 * anonymous on failure for @OptionalAuth(), and the API's 401 messages (passport hands a failed
 * verification to `handleRequest` as `info`, an error it would otherwise drop).
 */
@Injectable()
class PassportJwtGuard extends AuthGuard('jwt') {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (this.accessOf(context) === 'public') return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser = AuthenticatedUser>(
    error: unknown,
    user: TUser | false,
    info: unknown,
    context: ExecutionContext,
  ): TUser {
    if (user) return user;
    if (this.accessOf(context) === 'optional') return undefined as TUser;
    if (error) throw error;
    const expired = info instanceof Error && info.name === 'TokenExpiredError';
    throw new UnauthorizedException(expired ? 'Access token expired' : INVALID);
  }

  private accessOf(context: ExecutionContext): RouteAccess | undefined {
    return this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
  }
}

/** The baseline: the caller set without any token read, to show what the route costs alone. */
@Injectable()
class FixedCallerGuard implements CanActivate {
  private readonly user: AuthenticatedUser = {
    id: '00000000-0000-4000-8000-000000000000',
    email: 'bench-auth-guard@example.com',
    role: 'user',
    jti: '00000000-0000-4000-8000-000000000001',
    familyId: '00000000-0000-4000-8000-000000000002',
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  };

  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user = this.user;
    return true;
  }
}

const SHARED_PROVIDERS = [
  RequestContext,
  { provide: TokenRevocationStore, useClass: RevokedSignIns },
  { provide: DeletedAccounts, useClass: RecentlyDeletedAccounts },
  { provide: APP_FILTER, useClass: ErrorBodyFilter },
];

const SHARED_IMPORTS = [
  ClsModule.forRoot({ global: true, middleware: { mount: true, generateId: true } }),
  JwtModule.register(jwtModuleOptions()),
];

@Module({
  imports: SHARED_IMPORTS,
  controllers: [MeController],
  providers: [
    ...SHARED_PROVIDERS,
    AccessTokenVerifier,
    JwtAuthGuard,
    { provide: APP_GUARD, useExisting: JwtAuthGuard },
  ],
})
class NestJwtApp {}

@Module({
  imports: [...SHARED_IMPORTS, PassportModule],
  controllers: [MeController],
  providers: [
    ...SHARED_PROVIDERS,
    JwtStrategy,
    PassportJwtGuard,
    { provide: APP_GUARD, useExisting: PassportJwtGuard },
  ],
})
class PassportJwtApp {}

@Module({
  imports: SHARED_IMPORTS,
  controllers: [MeController],
  providers: [
    ...SHARED_PROVIDERS,
    FixedCallerGuard,
    { provide: APP_GUARD, useExisting: FixedCallerGuard },
  ],
})
class NoVerificationApp {}

interface Server {
  app: INestApplication;
  port: number;
  /** The instance serving as the app's global guard. */
  guard: CanActivate;
}

async function listening(module: Type, guard: Type<CanActivate>): Promise<Server> {
  const app = await NestFactory.create(module, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as HttpServer).address() as AddressInfo;
  return { app, port: address.port, guard: app.get(guard) };
}

/**
 * Each guard's `canActivate` alone, called as Nest calls it for `GET /me` (in the request's CLS
 * context, which the API's middleware opens), one call after another: microseconds per call,
 * CPU time and elapsed, medians of interleaved rounds. No HTTP, no sockets, no load generator,
 * so far steadier than the HTTP figures on a shared machine.
 */
async function timeGuards(
  servers: Record<Guard, Server>,
  { calls, rounds }: { calls: number; rounds: number },
) {
  const cls = servers.nestJwt.app.get(ClsService);
  const callOnce = async (guard: Guard, token: string) => {
    const request = { method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } };
    const context = new ExecutionContextHost(
      [request, {}, () => undefined],
      MeController,
      MeController.prototype.me,
    );
    await cls.run(async () => {
      await (servers[guard].guard.canActivate(context) as Promise<boolean> | boolean);
    });
  };
  const timed = async (guard: Guard, token: string, count: number) => {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < count; i++) await callOnce(guard, token).catch(() => undefined);
    const elapsedUs = (performance.now() - start) * 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return { cpuUs: (cpu.user + cpu.system) / count, elapsedUs: elapsedUs / count };
  };
  const cases: [TokenCase, Guard[]][] = [
    ['valid', ['nestJwt', 'passportJwt', 'noVerification']],
    ['expired', ['nestJwt', 'passportJwt']],
    ['revoked', ['nestJwt', 'passportJwt']],
  ];
  const results: Record<
    string,
    Record<string, { cpuUsPerCall: number; elapsedUsPerCall: number }>
  > = {};
  for (const [tokenCase, guards] of cases) {
    const token = accessTokenFor(tokenCase);
    for (const guard of guards) await timed(guard, token, Math.ceil(calls / 5)); // warm-up
    const samples = new Map<Guard, { cpuUs: number; elapsedUs: number }[]>();
    for (let round = 0; round < rounds; round++) {
      for (const guard of round % 2 === 0 ? guards : [...guards].reverse()) {
        samples.set(guard, [...(samples.get(guard) ?? []), await timed(guard, token, calls)]);
      }
    }
    results[tokenCase] = Object.fromEntries(
      guards.map((guard) => {
        const of = samples.get(guard) ?? [];
        return [
          guard,
          {
            cpuUsPerCall: round1(median(of.map((sample) => sample.cpuUs))),
            elapsedUsPerCall: round1(median(of.map((sample) => sample.elapsedUs))),
          },
        ];
      }),
    );
  }
  return results;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const servers: Record<Guard, Server> = {
    nestJwt: await listening(NestJwtApp, JwtAuthGuard),
    passportJwt: await listening(PassportJwtApp, PassportJwtGuard),
    noVerification: await listening(NoVerificationApp, FixedCallerGuard),
  };
  process.on('message', (message: BenchMessage) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    if (message === 'stop') {
      void Promise.all(Object.values(servers).map(({ app }) => app.close())).then(() =>
        process.exit(0),
      );
    }
    if (typeof message === 'object' && message.timeGuards) {
      void timeGuards(servers, message.timeGuards).then((guardCalls) =>
        process.send?.({ guardCalls }),
      );
    }
  });
  process.send?.({
    ports: Object.fromEntries(Object.entries(servers).map(([guard, { port }]) => [guard, port])),
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
