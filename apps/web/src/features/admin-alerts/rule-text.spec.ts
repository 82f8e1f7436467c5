import {
  conditionText,
  describeRule,
  durationInWords,
  formatValue,
  isBreaching,
  labelsText,
  timingText,
  worstValue,
} from './rule-text';

describe('formatValue', () => {
  it('gives each metric its unit, a share as a percentage', () => {
    expect(formatValue('p95_latency_ms', 630)).toBe('630 ms');
    expect(formatValue('error_rate', 0.0525)).toBe('5.25 %');
    expect(formatValue('request_rate', 12.5)).toBe('12.5 req/s');
    expect(formatValue('exception_count', 1234)).toBe('1,234');
  });

  it('says when there was nothing to measure', () => {
    expect(formatValue('p99_latency_ms', null)).toBe('no data');
  });
});

describe('durationInWords', () => {
  it('uses the largest unit that divides the duration', () => {
    expect(durationInWords(300)).toBe('5 minutes');
    expect(durationInWords(3600)).toBe('1 hour');
    expect(durationInWords(90)).toBe('90 seconds');
    expect(durationInWords(172_800)).toBe('2 days');
    expect(durationInWords(0)).toBe('0 seconds');
  });
});

describe('describeRule', () => {
  const base = {
    metricType: 'p95_latency_ms' as const,
    filters: {},
    groupBy: null,
    operator: '>',
    threshold: 800,
    windowSeconds: 300,
  };

  it('says what is measured, the condition and the window', () => {
    expect(describeRule(base)).toBe('p95 latency > 800 ms over 5 minutes');
    expect(conditionText(base)).toBe('> 800 ms');
  });

  it('names the scope of the filters and the grouping', () => {
    expect(describeRule({ ...base, filters: { route: '/api/v1/budgets', method: 'GET' } })).toBe(
      'p95 latency of GET /api/v1/budgets > 800 ms over 5 minutes',
    );
    expect(describeRule({ ...base, filters: { method: 'POST' }, groupBy: 'route' })).toBe(
      'p95 latency of POST every route > 800 ms over 5 minutes, per route',
    );
    expect(
      describeRule({
        ...base,
        metricType: 'log_count',
        filters: { source: 'frontend', level: 'warn', module: 'TransactionsPage', text: 'timeout' },
        operator: '>=',
        threshold: 10,
        windowSeconds: 3600,
        groupBy: 'module',
      }),
    ).toBe(
      'log lines from browsers at warn or above in TransactionsPage containing “timeout” >= 10 over 1 hour, per module',
    );
  });
});

describe('worstValue', () => {
  const instances = [{ value: 400 }, { value: null }, { value: 630 }, { value: 200 }];

  it('takes the least for < and <=, the greatest otherwise', () => {
    expect(worstValue('>', instances)).toBe(630);
    expect(worstValue('<=', instances)).toBe(200);
    expect(worstValue('<', instances)).toBe(200);
    expect(worstValue('==', instances)).toBe(630);
  });

  it('is null when nothing was measured', () => {
    expect(worstValue('>', [{ value: null }])).toBeNull();
    expect(worstValue('>', [])).toBeNull();
  });
});

describe('isBreaching', () => {
  it('counts the states that notify or are about to', () => {
    expect(['firing', 'pending', 'recovering'].every((state) => isBreaching(state as never))).toBe(
      true,
    );
    expect(['normal', 'nodata', 'error'].some((state) => isBreaching(state as never))).toBe(false);
  });
});

describe('labelsText', () => {
  it('lists the labels, or names the whole rule without', () => {
    expect(labelsText({ route: '/api/v1/budgets', method: 'GET' })).toBe(
      'route=/api/v1/budgets, method=GET',
    );
    expect(labelsText({})).toBe('The whole rule');
  });
});

describe('timingText', () => {
  const rule = {
    intervalSeconds: 60,
    pendingSeconds: 120,
    keepFiringSeconds: 0,
    noDataState: 'normal',
  };

  it('says how often, how long it waits and what no data means', () => {
    expect(timingText(rule)).toBe(
      'Every minute; fires once the condition has held for 2 minutes; no data counts as normal',
    );
    expect(
      timingText({
        intervalSeconds: 30,
        pendingSeconds: 0,
        keepFiringSeconds: 300,
        noDataState: 'nodata',
      }),
    ).toBe(
      'Every 30 seconds; fires as soon as the condition holds; keeps firing 5 minutes after it stops; no data shows as no data',
    );
  });
});
