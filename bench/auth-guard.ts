/**
 * Cost of verifying the access token on the request path, the API's way against passport's: two
 * minimal Nest apps in one server process (bench/auth-guard/servers.ts) serve the same
 * authenticated `GET /me`, one behind the API's `JwtAuthGuard` (its `AccessTokenVerifier` on
 * @nestjs/jwt), the other behind `AuthGuard('jwt')` of @nestjs/passport with a passport-jwt
 * strategy whose `validate` makes the same checks (claims, revoked sign-in, deleted account).
 * Both share the request context, key, in-memory lists and error body, so only the guards
 * differ (docs/adr/0021-jwt-verification-without-passport.md). A third app, whose guard sets a
 * fixed caller without reading any token, is the baseline: what the route costs alone.
 *
 * First each guard's `canActivate` is called alone in the server process, as Nest calls it for
 * the route, one call after another (no HTTP, no load generator: the steadiest figure on a
 * shared machine), CPU and elapsed µs per call. Then autocannon drives the apps from this
 * process in interleaved rounds (A, B, C, then C, B, A, …) so drift in the machine's load falls
 * on all: with a valid token (200), then with an expired and with a revoked one (401; the
 * baseline runs with the valid token only). Per guard and case: requests/s, p50 and p99 latency
 * (medians of the rounds) and the server process's CPU time per request (`process.cpuUsage()`
 * across the round, read over IPC; the load generator's own CPU is not in it), and the
 * passport/API ratios. Prints tables and writes bench/results/auth-guard.json. It measures; it
 * asserts nothing.
 *
 * Run: `npm run bench:auth-guard` (no database, no build; about 2 minutes). Env: BENCH_GUARD_CALLS
 * and BENCH_GUARD_ROUNDS (the guards alone: calls per round, rounds per guard; 2000 and 4),
 * BENCH_SECONDS and BENCH_ROUNDS (HTTP with a valid token: seconds per round, rounds per guard;
 * 4 and 4), BENCH_REFUSED_SECONDS and BENCH_REFUSED_ROUNDS (HTTP, the 401 cases; 2 and 2),
 * BENCH_CONNECTIONS (16).
 */
import autocannon from 'autocannon';
import { ChildProcess, fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { accessTokenFor, BenchMessage, Guard, TokenCase } from './auth-guard/shared';
import { machine, writeResult } from './support/results';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 4);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 4);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 16);
const REFUSED_SECONDS = Number(process.env['BENCH_REFUSED_SECONDS'] ?? 2);
const REFUSED_ROUNDS = Number(process.env['BENCH_REFUSED_ROUNDS'] ?? 2);
const WARM_UP_SECONDS = 2;
/** The guards called alone: calls per round, rounds per guard. */
const GUARD_CALLS = Number(process.env['BENCH_GUARD_CALLS'] ?? 2000);
const GUARD_ROUNDS = Number(process.env['BENCH_GUARD_ROUNDS'] ?? 4);
const PATH = '/me';

const GUARDS: Record<Guard, string> = {
  nestJwt: 'JwtAuthGuard (@nestjs/jwt)',
  passportJwt: "AuthGuard('jwt') (passport-jwt)",
  noVerification: 'baseline: no token read',
};
/** The guards compared; the baseline runs with the valid token only. */
const COMPARED: Guard[] = ['nestJwt', 'passportJwt'];
const EXPECTED_STATUS: Record<TokenCase, number> = { valid: 200, expired: 401, revoked: 401 };

interface Round {
  tokenCase: TokenCase;
  guard: Guard;
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time (user + system) of the server process per request served in the round. */
  serverCpuUsPerRequest: number;
  requests: number;
  /** Answers with another status than the case expects, plus connection errors. */
  unexpected: number;
}

interface Summary {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuUsPerRequest: number;
}

type GuardCalls = Record<
  TokenCase,
  Partial<Record<Guard, { cpuUsPerCall: number; elapsedUsPerCall: number }>>
>;

interface Servers {
  ports: Record<Guard, number>;
  cpuMicros(): Promise<number>;
  timeGuards(): Promise<GuardCalls>;
  stop(): Promise<void>;
}

/** Starts bench/auth-guard/servers.ts in a process of its own (TypeScript, as this one runs). */
async function startServers(): Promise<Servers> {
  const child: ChildProcess = fork(join(__dirname, 'auth-guard/servers.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, TS_NODE_PROJECT: join(__dirname, 'tsconfig.json') },
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ports = await new Promise<Record<Guard, number>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The servers exited (${code})`)));
    child.on('message', (message: { ports?: Record<Guard, number> }) => {
      if (message.ports) resolve(message.ports);
    });
  });
  /** Sends `message` and resolves with the field `key` of the first answer holding it. */
  const ask = <T>(message: BenchMessage, key: string) =>
    new Promise<T>((resolve) => {
      const answer = (reply: Record<string, unknown>) => {
        if (!(key in reply)) return;
        child.off('message', answer);
        resolve(reply[key] as T);
      };
      child.on('message', answer);
      child.send(message);
    });
  return {
    ports,
    cpuMicros: async () => {
      const cpu = await ask<NodeJS.CpuUsage>('cpu', 'cpu');
      return cpu.user + cpu.system;
    },
    timeGuards: () =>
      ask<GuardCalls>({ timeGuards: { calls: GUARD_CALLS, rounds: GUARD_ROUNDS } }, 'guardCalls'),
    stop: async () => {
      child.send('stop' satisfies BenchMessage);
      await exited;
    },
  };
}

function load(port: number, token: string, seconds: number) {
  return autocannon({
    url: `http://127.0.0.1:${port}${PATH}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Each guard's answer to one request of the case: status and body, to show they agree. */
async function answersOf(servers: Servers, tokenCase: TokenCase, token: string) {
  const answers: Record<string, { status: number; body: unknown }> = {};
  for (const guard of COMPARED) {
    const response = await fetch(`http://127.0.0.1:${servers.ports[guard]}${PATH}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as Record<string, unknown>;
    delete body['traceId'];
    answers[guard] = { status: response.status, body };
  }
  console.log(`${tokenCase}: ${JSON.stringify(answers)}`);
  return answers;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A, B, (C,) then (C,) B, A, …: the first and the last swap places every round. */
function schedule(guards: Guard[], rounds: number): Guard[] {
  const order: Guard[] = [];
  for (let i = 0; i < rounds; i++) order.push(...(i % 2 === 0 ? guards : [...guards].reverse()));
  return order;
}

interface Case {
  tokenCase: TokenCase;
  guards: Guard[];
  rounds: number;
  seconds: number;
}

async function measure(servers: Servers, { tokenCase, guards, rounds, seconds }: Case) {
  const token = accessTokenFor(tokenCase);
  const measured: Round[] = [];
  const counters: Record<Guard, number> = { nestJwt: 0, passportJwt: 0, noVerification: 0 };
  for (const guard of schedule(guards, rounds)) {
    const cpuBefore = await servers.cpuMicros();
    const result = await load(servers.ports[guard], token, seconds);
    const cpuMicros = (await servers.cpuMicros()) - cpuBefore;
    counters[guard] += 1;
    const expected = result.statusCodeStats?.[`${EXPECTED_STATUS[tokenCase]}`]?.count ?? 0;
    const round: Round = {
      tokenCase,
      guard,
      round: counters[guard],
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      serverCpuUsPerRequest: Math.round(cpuMicros / Math.max(result.requests.total, 1)),
      requests: result.requests.total,
      unexpected: result.requests.total - expected + result.errors,
    };
    measured.push(round);
    console.log(
      `${tokenCase.padEnd(7)} ${GUARDS[guard].padEnd(32)} ${round.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${round.p50Ms} ms  p99 ${round.p99Ms} ms  server CPU ${round.serverCpuUsPerRequest} µs/request  unexpected ${round.unexpected}`,
    );
  }
  return measured;
}

function summaryOf(rounds: Round[], tokenCase: TokenCase, guard: Guard): Summary {
  const of = rounds.filter((r) => r.tokenCase === tokenCase && r.guard === guard);
  return {
    requestsPerSecond: Math.round(median(of.map((r) => r.requestsPerSecond))),
    p50Ms: median(of.map((r) => r.p50Ms)),
    p99Ms: median(of.map((r) => r.p99Ms)),
    serverCpuUsPerRequest: median(of.map((r) => r.serverCpuUsPerRequest)),
  };
}

const ratio = (b: number, a: number) => Number((b / a).toFixed(3));

/** The guards' cost called alone, with passport's over the API's guard per case. */
function guardAloneSummary(perCase: GuardCalls) {
  const passportOverNestJwt = Object.fromEntries(
    Object.entries(perCase).map(([tokenCase, { nestJwt, passportJwt }]) => [
      tokenCase,
      {
        cpuUsPerCall: ratio(passportJwt?.cpuUsPerCall ?? NaN, nestJwt?.cpuUsPerCall ?? NaN),
        elapsedUsPerCall: ratio(
          passportJwt?.elapsedUsPerCall ?? NaN,
          nestJwt?.elapsedUsPerCall ?? NaN,
        ),
      },
    ]),
  ) as Record<TokenCase, { cpuUsPerCall: number; elapsedUsPerCall: number }>;
  return { perCase, passportOverNestJwt };
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const servers = await startServers();
  const rounds: Round[] = [];
  const answers: Record<string, unknown> = {};
  let guardCalls: GuardCalls | undefined;
  const cases: Case[] = [
    {
      tokenCase: 'valid',
      guards: [...COMPARED, 'noVerification'],
      rounds: ROUNDS,
      seconds: SECONDS,
    },
    { tokenCase: 'expired', guards: COMPARED, rounds: REFUSED_ROUNDS, seconds: REFUSED_SECONDS },
    { tokenCase: 'revoked', guards: COMPARED, rounds: REFUSED_ROUNDS, seconds: REFUSED_SECONDS },
  ];
  try {
    for (const { tokenCase } of cases) {
      answers[tokenCase] = await answersOf(servers, tokenCase, accessTokenFor(tokenCase));
    }
    console.log(`Calling each guard alone (${GUARD_ROUNDS} × ${GUARD_CALLS} calls per case)…`);
    guardCalls = await servers.timeGuards();
    const valid = accessTokenFor('valid');
    for (const guard of cases[0].guards) {
      await load(servers.ports[guard], valid, WARM_UP_SECONDS);
    }
    for (const measuredCase of cases) rounds.push(...(await measure(servers, measuredCase)));
  } finally {
    await servers.stop();
  }
  const loadAfter = loadavg();

  const results = Object.fromEntries(
    cases.map(({ tokenCase, guards }) => {
      const [nestJwt, passportJwt, noVerification] = guards.map((guard) =>
        summaryOf(rounds, tokenCase, guard),
      );
      const passportOverNestJwt: Summary = {
        requestsPerSecond: ratio(passportJwt.requestsPerSecond, nestJwt.requestsPerSecond),
        p50Ms: ratio(passportJwt.p50Ms, nestJwt.p50Ms),
        p99Ms: ratio(passportJwt.p99Ms, nestJwt.p99Ms),
        serverCpuUsPerRequest: ratio(
          passportJwt.serverCpuUsPerRequest,
          nestJwt.serverCpuUsPerRequest,
        ),
      };
      // What verifying costs over the route alone, in server CPU per request.
      const verificationCpuUs = noVerification && {
        nestJwt: nestJwt.serverCpuUsPerRequest - noVerification.serverCpuUsPerRequest,
        passportJwt: passportJwt.serverCpuUsPerRequest - noVerification.serverCpuUsPerRequest,
      };
      return [
        tokenCase,
        { nestJwt, passportJwt, noVerification, passportOverNestJwt, verificationCpuUs },
      ];
    }),
  );

  console.log(
    `\nGET ${PATH}, ${CONNECTIONS} connections, interleaved rounds (medians); B/A = passport over JwtAuthGuard`,
  );
  console.log(
    `${'case'.padEnd(8)}${'guard'.padEnd(34)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'CPU µs/req'.padStart(12)}`,
  );
  for (const { tokenCase } of cases) {
    const { nestJwt, passportJwt, noVerification, passportOverNestJwt } = results[tokenCase];
    const rows: [string, Summary | undefined][] = [
      [GUARDS.nestJwt, nestJwt],
      [GUARDS.passportJwt, passportJwt],
      ['B/A', passportOverNestJwt],
      [GUARDS.noVerification, noVerification],
    ];
    for (const [label, row] of rows) {
      if (!row) continue;
      console.log(
        `${tokenCase.padEnd(8)}${label.padEnd(34)}${String(row.requestsPerSecond).padStart(8)}${String(row.p50Ms).padStart(8)}${String(row.p99Ms).padStart(8)}${String(row.serverCpuUsPerRequest).padStart(12)}`,
      );
    }
  }
  const { verificationCpuUs } = results['valid'];
  if (verificationCpuUs) {
    console.log(
      `server CPU over the baseline, valid token: JwtAuthGuard ${verificationCpuUs.nestJwt} µs/request, passport ${verificationCpuUs.passportJwt} µs/request`,
    );
  }
  const guardAlone = guardCalls && guardAloneSummary(guardCalls);
  if (guardAlone) {
    console.log(
      `\nEach guard's canActivate alone, ${GUARD_ROUNDS} interleaved rounds of ${GUARD_CALLS} calls (medians), µs per call`,
    );
    console.log(
      `${'case'.padEnd(8)}${'guard'.padEnd(34)}${'CPU µs'.padStart(10)}${'elapsed µs'.padStart(12)}`,
    );
    for (const [tokenCase, perGuard] of Object.entries(guardAlone.perCase)) {
      for (const [guard, row] of Object.entries(perGuard)) {
        console.log(
          `${tokenCase.padEnd(8)}${GUARDS[guard as Guard].padEnd(34)}${String(row.cpuUsPerCall).padStart(10)}${String(row.elapsedUsPerCall).padStart(12)}`,
        );
      }
      const ratios = guardAlone.passportOverNestJwt[tokenCase as TokenCase];
      console.log(
        `${tokenCase.padEnd(8)}${'B/A'.padEnd(34)}${String(ratios.cpuUsPerCall).padStart(10)}${String(ratios.elapsedUsPerCall).padStart(12)}`,
      );
    }
  }
  console.log(
    `load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')}`,
  );

  writeResult('auth-guard', {
    benchmark: `GET ${PATH} behind JwtAuthGuard (@nestjs/jwt) vs AuthGuard('jwt') (@nestjs/passport + passport-jwt), and a baseline reading no token; one server process, interleaved rounds`,
    date: new Date().toISOString(),
    ...machine(),
    loadAverage: { before: loadBefore, after: loadAfter },
    note: 'A 2-core machine shared with other work, load generator on the same host: see loadAverage. Requests/s and latency are noisy; interleaving the rounds is what makes the ratios fair, and server CPU per request is the steadiest figure.',
    connections: CONNECTIONS,
    secondsPerRound: { valid: SECONDS, refused: REFUSED_SECONDS },
    roundsPerGuard: { valid: ROUNDS, refused: REFUSED_ROUNDS },
    guards: GUARDS,
    answers,
    guardAlone: guardAlone && {
      callsPerRound: GUARD_CALLS,
      roundsPerGuard: GUARD_ROUNDS,
      ...guardAlone,
    },
    http: results,
    rounds,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
