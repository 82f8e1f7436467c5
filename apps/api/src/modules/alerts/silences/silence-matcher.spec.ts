import fc from 'fast-check';
import {
  matcherMatches,
  regexProblem,
  Silence,
  SilenceMatcher,
  silenceMatches,
  silenceStateAt,
} from './silence-matcher';

const RULE = '0b6f3c52-6d0c-4a8e-9a63-0d7f1d1e2a11';
const OTHER_RULE = '5d2b8a0e-2b7e-4f6e-8f0c-3a1c9d4e7b22';

const silence = (
  matchers: SilenceMatcher[],
  ruleId: string | null = null,
): Pick<Silence, 'ruleId' | 'matchers'> => ({ ruleId, matchers });

describe('silenceMatches', () => {
  const labels = { alertname: 'High p95', severity: 'critical', route: '/api/v1/transactions' };

  it('needs every matcher to match', () => {
    expect(
      silenceMatches(
        silence([
          { label: 'severity', operator: '=', value: 'critical' },
          { label: 'route', operator: '=~', value: '/api/v1/.*' },
        ]),
        RULE,
        labels,
      ),
    ).toBe(true);
    expect(
      silenceMatches(
        silence([
          { label: 'severity', operator: '=', value: 'critical' },
          { label: 'route', operator: '!~', value: '/api/v1/.*' },
        ]),
        RULE,
        labels,
      ),
    ).toBe(false);
  });

  it('matches regular expressions in full, as Alertmanager anchors them', () => {
    const route = (value: string) =>
      matcherMatches({ label: 'route', operator: '=~', value }, labels);
    expect(route('/api/v1/transactions')).toBe(true);
    expect(route('/api/v1')).toBe(false);
    expect(route('transactions')).toBe(false);
    expect(route('/api|other')).toBe(false);
    expect(route('/api.*|other')).toBe(true);
  });

  it('treats a missing label as the empty string', () => {
    expect(matcherMatches({ label: 'module', operator: '=', value: '' }, labels)).toBe(true);
    expect(matcherMatches({ label: 'module', operator: '!=', value: '' }, labels)).toBe(false);
    expect(matcherMatches({ label: 'module', operator: '=~', value: '.*' }, labels)).toBe(true);
    expect(matcherMatches({ label: 'module', operator: '!~', value: '.+' }, labels)).toBe(true);
    expect(matcherMatches({ label: 'module', operator: '=', value: 'auth' }, labels)).toBe(false);
  });

  it('does not read labels from the prototype chain', () => {
    expect(matcherMatches({ label: 'constructor', operator: '=', value: '' }, {})).toBe(true);
    expect(matcherMatches({ label: 'toString', operator: '!=', value: '' }, {})).toBe(false);
  });

  it('applies to the named rule only, when it names one', () => {
    const matchers: SilenceMatcher[] = [{ label: 'severity', operator: '=', value: 'critical' }];
    expect(silenceMatches(silence(matchers, RULE), RULE, labels)).toBe(true);
    expect(silenceMatches(silence(matchers, RULE), OTHER_RULE, labels)).toBe(false);
    expect(silenceMatches(silence([], RULE), RULE, {})).toBe(true);
    expect(silenceMatches(silence([], RULE), OTHER_RULE, {})).toBe(false);
    expect(silenceMatches(silence(matchers), OTHER_RULE, labels)).toBe(true);
  });

  it('lets a stored expression that no longer compiles silence nothing', () => {
    const broken: SilenceMatcher = { label: 'route', operator: '=~', value: '(' };
    expect(silenceMatches(silence([broken]), RULE, labels)).toBe(false);
    expect(silenceMatches(silence([{ ...broken, operator: '!~' }]), RULE, labels)).toBe(false);
  });

  describe('properties', () => {
    const labelNames = fc.constantFrom('severity', 'route', 'module', 'missing');
    const texts = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.', 'é', '1'), maxLength: 6 });
    const labelSets = fc.dictionary(fc.constantFrom('severity', 'route', 'module'), texts);
    /** Valid expressions built from pieces, escaped text included. */
    const regexes = fc
      .array(
        fc.oneof(
          texts.map((text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')),
          fc.constantFrom('.*', '.+', '[ab]+', 'a?', '\\d', '(a|b)', '|', '\\/'),
        ),
        { maxLength: 4 },
      )
      .map((pieces) => pieces.join(''));

    it('!= is the negation of =', () => {
      fc.assert(
        fc.property(labelNames, texts, labelSets, (label, value, labels) => {
          expect(matcherMatches({ label, operator: '!=', value }, labels)).toBe(
            !matcherMatches({ label, operator: '=', value }, labels),
          );
        }),
      );
    });

    it('!~ is the negation of =~', () => {
      fc.assert(
        fc.property(labelNames, regexes, labelSets, (label, value, labels) => {
          expect(regexProblem(value)).toBeUndefined();
          expect(matcherMatches({ label, operator: '!~', value }, labels)).toBe(
            !matcherMatches({ label, operator: '=~', value }, labels),
          );
        }),
      );
    });

    it('=~ of an escaped text is = of that text', () => {
      fc.assert(
        fc.property(labelNames, texts, labelSets, (label, value, labels) => {
          const escaped = value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
          expect(matcherMatches({ label, operator: '=~', value: escaped }, labels)).toBe(
            matcherMatches({ label, operator: '=', value }, labels),
          );
        }),
      );
    });
  });
});

describe('regexProblem', () => {
  it('accepts expressions that compile', () => {
    expect(regexProblem('/api/v1/(users|transactions)/.*')).toBeUndefined();
  });

  it('names what is wrong with one that does not compile', () => {
    expect(regexProblem('(unclosed')).toMatch(/^the regular expression does not compile: /);
    expect(regexProblem('a{2,1}')).toMatch(/does not compile/);
  });

  it('refuses long expressions', () => {
    expect(regexProblem('a'.repeat(200))).toBeUndefined();
    expect(regexProblem('a'.repeat(201))).toBe(
      'the regular expression must be at most 200 characters',
    );
  });
});

describe('silenceStateAt', () => {
  const startsAt = new Date('2026-12-01T10:00:00Z');
  const endsAt = new Date('2026-12-01T12:00:00Z');
  const at = (iso: string) => silenceStateAt({ startsAt, endsAt }, new Date(iso));

  it('is pending before it starts, active from its start until its end, expired from then', () => {
    expect(at('2026-12-01T09:59:59.999Z')).toBe('pending');
    expect(at('2026-12-01T10:00:00Z')).toBe('active');
    expect(at('2026-12-01T11:59:59.999Z')).toBe('active');
    expect(at('2026-12-01T12:00:00Z')).toBe('expired');
  });
});
