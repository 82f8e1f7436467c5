import { aRule } from '../admin-alerts/testing/factories';
import { filtersFromParams } from '../admin-exceptions';
import { aGroup, aGroupPage } from '../admin-exceptions/testing/factories';
import { filterValuesOf } from '../admin-logs';
import { counts, someStatistics } from '../admin-logs-overview/testing/statistics-factories';
import {
  alertLink,
  auditErrorsLink,
  durationChange,
  errorRateChange,
  exceptionCounts,
  firingRules,
  hourWindows,
  logErrorCount,
  logErrorsLink,
  pendingCount,
  unresolvedExceptionsLink,
} from './overview-figures';

const paramsOf = (link: string) => new URL(link, 'http://localhost').searchParams;

describe('hourWindows', () => {
  it('gives the last hour up to now and the hour before, back to back', () => {
    expect(hourWindows(Date.parse('2026-11-21T11:30:00.000Z'))).toEqual({
      current: { from: '2026-11-21T10:30:00.000Z', to: '2026-11-21T11:30:00.000Z' },
      previous: { from: '2026-11-21T09:30:00.000Z', to: '2026-11-21T10:30:00.000Z' },
    });
  });
});

describe('errorRateChange', () => {
  it('says a rise in percentage points against the hour before', () => {
    expect(errorRateChange(0.012, 0.007)).toEqual({
      direction: 'up',
      text: '+0.5 pp against 0.7 % the hour before',
    });
  });

  it('says a fall with a true minus', () => {
    expect(errorRateChange(0.01, 0.035)).toEqual({
      direction: 'down',
      text: '\u22122.5 pp against 3.5 % the hour before',
    });
  });

  it('says when nothing changed', () => {
    expect(errorRateChange(0, 0)).toEqual({
      direction: 'same',
      text: 'Same as 0 % the hour before',
    });
  });

  it('compares nothing when either hour had no requests', () => {
    expect(errorRateChange(null, 0.01)).toBeNull();
    expect(errorRateChange(0.01, null)).toBeNull();
  });
});

describe('durationChange', () => {
  it('says the change in milliseconds and relative to the hour before', () => {
    expect(durationChange(150, 120)).toEqual({
      direction: 'up',
      text: '+30 ms (+25 %) against 120 ms the hour before',
    });
    expect(durationChange(90, 120)).toEqual({
      direction: 'down',
      text: '\u221230 ms (\u221225 %) against 120 ms the hour before',
    });
  });

  it('leaves out the relative change from zero', () => {
    expect(durationChange(5, 0)?.text).toBe('+5 ms against 0 ms the hour before');
  });

  it('says when nothing changed, and compares nothing without both hours', () => {
    expect(durationChange(120, 120)?.text).toBe('Same as 120 ms the hour before');
    expect(durationChange(null, 120)).toBeNull();
  });
});

describe('firingRules and pendingCount', () => {
  it('keeps the firing rules, the most severe first, then by name', () => {
    const rules = [
      aRule({ name: 'B warning', state: 'firing', severity: 'warning' }),
      aRule({ name: 'Quiet', state: 'normal', severity: 'critical' }),
      aRule({ name: 'A warning', state: 'firing', severity: 'warning' }),
      aRule({ name: 'Z critical', state: 'firing', severity: 'critical' }),
      aRule({ name: 'Soon', state: 'pending' }),
    ];
    expect(firingRules(rules).map((rule) => rule.name)).toEqual([
      'Z critical',
      'A warning',
      'B warning',
    ]);
    expect(pendingCount(rules)).toBe(1);
  });
});

describe('exceptionCounts', () => {
  it('counts the unresolved groups and the regressed ones among them', () => {
    const page = aGroupPage([aGroup({ regressed: true }), aGroup(), aGroup({ regressed: true })]);
    expect(exceptionCounts(page)).toEqual({ unresolved: 3, regressed: 2, regressedIsFloor: false });
  });

  it('says the regressed count is a floor when not every unresolved group was read', () => {
    const page = aGroupPage([aGroup({ regressed: true })], { total: 250 });
    expect(exceptionCounts(page)).toEqual({
      unresolved: 250,
      regressed: 1,
      regressedIsFloor: true,
    });
  });
});

describe('logErrorCount', () => {
  it('adds errors and fatal lines, nothing milder', () => {
    expect(
      logErrorCount(someStatistics({ byLevel: counts({ warn: 9, error: 3, fatal: 1 }) })),
    ).toBe(4);
  });
});

describe('links into the pages', () => {
  it('opens the exception tracker on the unresolved groups, as its filters read the URL', () => {
    const link = unresolvedExceptionsLink();
    expect(link.startsWith('/admin/exceptions?')).toBe(true);
    expect(filtersFromParams(paramsOf(link))).toMatchObject({ status: 'unresolved', page: 1 });
  });

  it('opens the log viewer on the last hour’s errors, as its filters read the URL', () => {
    const link = logErrorsLink();
    expect(link.startsWith('/admin/logs?')).toBe(true);
    expect(filterValuesOf(paramsOf(link))).toMatchObject({ minLevel: 'error', range: '1h' });
  });

  it('opens the action log’s errors, with one event when given', () => {
    expect(auditErrorsLink()).toBe('/admin/audit?view=errors');
    expect(auditErrorsLink('abc')).toBe('/admin/audit?view=errors&event=abc');
  });

  it('opens a rule’s page', () => {
    expect(alertLink('0b6c-1')).toBe('/admin/alerts/0b6c-1');
  });
});
