import fc from 'fast-check';
import { exceptionTypeOf, messageWithoutType, typeOfThrown } from './exception-type';
import { DEFAULT_FINGERPRINT_PART, groupingOf } from './fingerprint';

const RUNS = { numRuns: 300 };

const TYPES = ['Error', 'TypeError', 'RangeError', 'QueryFailedError', 'PaymentDeclinedError'];
const FUNCTIONS = [
  'TransactionsService.create',
  'TransactionsService.update',
  'BudgetsService.spent',
  'CategoriesController.list',
  'loadTransactions',
  'renderChart',
  'parseAmount',
];
const BACKEND_FILES = [
  'apps/api/src/modules/transactions/transactions.service.ts',
  'apps/api/src/modules/budgets/budgets.service.ts',
  'apps/api/src/common/http/transforms.ts',
  'apps/api/main.js',
];
const BROWSER_BUNDLES = ['assets/index', 'assets/TransactionsPage', 'assets/vendor-charts'];
const DEPENDENCY_FRAMES = [
  'node_modules/@nestjs/core/router/router-execution-context.js',
  'node_modules/typeorm/query-runner/PostgresQueryRunner.js',
  'node_modules/.pnpm/rxjs@7.8.1/node_modules/rxjs/dist/cjs/internal/Subscriber.js',
];
/** Message shapes with slots for parameters that change from one occurrence to the next. */
const MESSAGES: ((p: Params) => string)[] = [
  (p) => `Transaction ${p.uuid} not found for user ${p.email}`,
  (p) => `Query took ${p.ms}ms on row ${p.n} at ${p.time}`,
  (p) => `Cannot read properties of undefined (reading '${p.word}')`,
  (p) => `Request ${p.url} failed from ${p.ip} with id ${p.hex}`,
];

interface Params {
  uuid: string;
  email: string;
  ms: number;
  n: number;
  time: string;
  word: string;
  url: string;
  ip: string;
  hex: string;
}

const params: fc.Arbitrary<Params> = fc.record({
  uuid: fc.uuid(),
  email: fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.com$/),
  ms: fc.nat(),
  n: fc.nat(),
  time: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  word: fc.stringMatching(/^[a-z]{1,10}$/),
  url: fc.stringMatching(/^https:\/\/[a-z]{1,8}\.example\/[a-z0-9/]{0,12}[a-z0-9]$/),
  ip: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.')),
  hex: fc.stringMatching(/^[0-9a-f]{40}$/).map((hex) => `a1${hex.slice(2)}`),
});

interface Frame {
  fn: string;
  file: string;
}

/** What stays the same between occurrences of one error. */
interface Scenario {
  source: 'backend' | 'frontend';
  type: string;
  message: number;
  /** Innermost first; dependency frames are added when rendering. */
  frames: Frame[];
}

/** What changes between occurrences of one error. */
interface Variation {
  params: Params;
  prefix: string;
  windows: boolean;
  buildHash: string;
  origin: string;
  lines: number[];
  dependencies: number[];
  asyncCalls: boolean[];
}

const scenario: fc.Arbitrary<Scenario> = fc.constantFrom('backend', 'frontend').chain((source) =>
  fc.record({
    source: fc.constant(source),
    type: fc.constantFrom(...TYPES),
    message: fc.nat(MESSAGES.length - 1),
    frames: fc.array(
      fc.record({
        fn: fc.constantFrom(...FUNCTIONS),
        file: fc.constantFrom(...(source === 'backend' ? BACKEND_FILES : BROWSER_BUNDLES)),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
);

/** Folders of a random install location; never a repository root name (apps, libs, packages). */
const folder = fc
  .stringMatching(/^[a-z0-9_-]{1,10}$/)
  .filter((name) => !['apps', 'libs', 'packages'].includes(name));

const variation: fc.Arbitrary<Variation> = fc.record({
  params,
  prefix: fc.array(folder, { maxLength: 5 }).map((folders) => `/${folders.join('/')}/`),
  windows: fc.boolean(),
  // Base64url build hashes as Vite writes them: 8 characters, here always with a digit.
  buildHash: fc.stringMatching(/^[A-Za-z0-9_-]{7}$/).map((hash) => `${hash}7`),
  origin: fc.constantFrom(
    'http://localhost:4200',
    'https://ledgerlens.example',
    'https://cdn.example:8443',
  ),
  lines: fc.array(fc.integer({ min: 1, max: 99_999 }), { minLength: 24, maxLength: 24 }),
  dependencies: fc.array(fc.nat(DEPENDENCY_FRAMES.length), { minLength: 8, maxLength: 8 }),
  asyncCalls: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
});

/** The stack one occurrence of `scenario` would have, with `variation`'s details. */
function render(scenario: Scenario, variation: Variation): { message: string; stack: string } {
  const message = MESSAGES[scenario.message](variation.params);
  const line = (index: number) =>
    `${variation.lines[index % 24]}:${variation.lines[(index + 7) % 24]}`;
  const location = (file: string, index: number): string => {
    if (scenario.source === 'frontend') {
      return `${variation.origin}/${file}-${variation.buildHash}.js:${line(index)}`;
    }
    const path = `${variation.prefix}${file}`;
    return `${variation.windows ? `C:${path.replace(/\//g, '\\')}` : path}:${line(index)}`;
  };
  const lines = [`${scenario.type}: ${message}`];
  scenario.frames.forEach((frame, index) => {
    const dependency = variation.dependencies[index];
    if (dependency < DEPENDENCY_FRAMES.length) {
      lines.push(`    at ${variation.prefix}${DEPENDENCY_FRAMES[dependency]}:${line(index + 9)}`);
    }
    const prefix = variation.asyncCalls[index] ? 'async ' : '';
    lines.push(`    at ${prefix}${frame.fn} (${location(frame.file, index)})`);
  });
  lines.push('    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)');
  return { message, stack: lines.join('\n') };
}

function fingerprint(scenario: Scenario, variation: Variation): string {
  const { message, stack } = render(scenario, variation);
  return groupingOf({ source: scenario.source, type: scenario.type, message, stack }).fingerprint;
}

describe('groupingOf', () => {
  const stack = [
    "TypeError: Cannot read properties of undefined (reading 'amount')",
    '    at /srv/app/node_modules/@nestjs/core/router/router-proxy.js:9:17',
    '    at BudgetsService.spent (/srv/app/apps/api/src/modules/budgets/budgets.service.ts:120:17)',
    '    at BudgetsController.list (/srv/app/apps/api/src/modules/budgets/budgets.controller.ts:40:5)',
  ].join('\n');

  it('titles the group with its type and message template, blames the innermost in-app frame', () => {
    const grouping = groupingOf({
      source: 'backend',
      type: 'TypeError',
      message: "Cannot read properties of undefined (reading 'amount')",
      stack,
    });
    expect(grouping).toMatchObject({
      type: 'TypeError',
      title: "TypeError: Cannot read properties of undefined (reading '<str>')",
      culprit: 'BudgetsService.spent (apps/api/src/modules/budgets/budgets.service.ts)',
    });
    expect(grouping.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(grouping.frames).toHaveLength(2);
  });

  it('groups by type and message when there is no stack', () => {
    const a = groupingOf({ source: 'frontend', type: 'Error', message: 'Order 17 failed' });
    const b = groupingOf({ source: 'frontend', type: 'Error', message: 'Order 42 failed' });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.culprit).toBeNull();
    expect(
      groupingOf({ source: 'backend', type: 'Error', message: 'Order 17 failed' }).fingerprint,
    ).not.toBe(a.fingerprint);
  });

  it('lets a caller choose the fingerprint, with {{ default }} standing for the computed one', () => {
    const base = { source: 'frontend' as const, type: 'Error', stack };
    const first = groupingOf({ ...base, message: 'a', override: 'checkout-flow' });
    const second = groupingOf({
      ...base,
      message: 'b',
      type: 'TypeError',
      override: ['checkout-flow'],
    });
    expect(first.fingerprint).toBe(second.fingerprint);
    expect(groupingOf({ ...base, message: 'a' }).fingerprint).not.toBe(first.fingerprint);

    const tenantA = groupingOf({
      ...base,
      message: 'x 1',
      override: [DEFAULT_FINGERPRINT_PART, 'a'],
    });
    const tenantA2 = groupingOf({ ...base, message: 'x 2', override: ['{{default}}', 'a'] });
    const tenantB = groupingOf({
      ...base,
      message: 'x 1',
      override: [DEFAULT_FINGERPRINT_PART, 'b'],
    });
    expect(tenantA.fingerprint).toBe(tenantA2.fingerprint);
    expect(tenantA.fingerprint).not.toBe(tenantB.fingerprint);
    // An empty override is no override.
    expect(groupingOf({ ...base, message: 'a', override: ['', ' '] }).fingerprint).toBe(
      groupingOf({ ...base, message: 'a' }).fingerprint,
    );
  });

  describe('properties', () => {
    it('puts occurrences differing in IDs, numbers, times, lines, columns, prefixes, build hashes and dependency frames in one group', () => {
      fc.assert(
        fc.property(scenario, variation, variation, (error, first, second) => {
          expect(fingerprint(error, first)).toBe(fingerprint(error, second));
        }),
        RUNS,
      );
    });

    it('separates different types', () => {
      fc.assert(
        fc.property(scenario, variation, fc.constantFrom(...TYPES), (error, details, otherType) => {
          fc.pre(otherType !== error.type);
          expect(fingerprint({ ...error, type: otherType }, details)).not.toBe(
            fingerprint(error, details),
          );
        }),
        RUNS,
      );
    });

    it('separates different call sites (another function or file in the top in-app frames)', () => {
      fc.assert(
        fc.property(
          scenario,
          variation,
          fc.nat(2),
          fc.constantFrom(...FUNCTIONS),
          (error, details, index, otherFunction) => {
            const frame = error.frames[index];
            fc.pre(frame !== undefined && frame.fn !== otherFunction);
            const frames = error.frames.map((item, at) =>
              at === index ? { ...item, fn: otherFunction } : item,
            );
            expect(fingerprint({ ...error, frames }, details)).not.toBe(
              fingerprint(error, details),
            );
          },
        ),
        RUNS,
      );
    });

    it('ignores frames below the top three in-app ones', () => {
      fc.assert(
        fc.property(
          scenario,
          variation,
          fc.constantFrom(...FUNCTIONS),
          (error, details, deeper) => {
            fc.pre(error.frames.length >= 3);
            const frames = [...error.frames.slice(0, 3), { ...error.frames[0], fn: deeper }];
            expect(fingerprint({ ...error, frames }, details)).toBe(
              fingerprint({ ...error, frames: error.frames.slice(0, 3) }, details),
            );
          },
        ),
        RUNS,
      );
    });

    it('separates different messages and sources', () => {
      fc.assert(
        fc.property(scenario, variation, (error, details) => {
          const otherMessage = (error.message + 1) % MESSAGES.length;
          expect(fingerprint({ ...error, message: otherMessage }, details)).not.toBe(
            fingerprint(error, details),
          );
        }),
        RUNS,
      );
    });
  });
});

describe('exception types', () => {
  it('reads a browser error’s type from its stack, its message or its context', () => {
    expect(
      exceptionTypeOf('x is undefined', 'TypeError: x is undefined\n    at f (a.js:1:1)'),
    ).toBe('TypeError');
    expect(exceptionTypeOf('Uncaught (in promise) AbortError: stopped', undefined)).toBe(
      'AbortError',
    );
    expect(exceptionTypeOf('Uncaught DOMException: denied', 'f@a.js:1:1')).toBe('DOMException');
    expect(exceptionTypeOf('Failed to load transactions', undefined, 'ChunkLoadError')).toBe(
      'ChunkLoadError',
    );
    expect(exceptionTypeOf('Network: timeout', undefined, 'not an identifier!')).toBe('Error');
    expect(messageWithoutType('Uncaught TypeError: x is undefined', 'TypeError')).toBe(
      'x is undefined',
    );
    expect(messageWithoutType('Failed: x', 'Error')).toBe('Failed: x');
  });

  it('names a thrown value by its name, else its class', () => {
    class PaymentDeclined extends Error {}
    class NamedError extends Error {
      override name = 'Named';
    }
    expect(typeOfThrown(new TypeError('x'))).toBe('TypeError');
    expect(typeOfThrown(new PaymentDeclined('x'))).toBe('PaymentDeclined');
    expect(typeOfThrown(new NamedError('x'))).toBe('Named');
    expect(typeOfThrown('a string')).toBe('Error');
    expect(typeOfThrown({ message: 'x' })).toBe('Error');
  });
});
