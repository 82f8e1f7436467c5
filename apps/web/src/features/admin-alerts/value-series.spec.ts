import {
  chartValue,
  formatChartValue,
  hasValues,
  rangeText,
  valueRows,
  valueSummary,
} from './value-series';
import { defined } from '../../test/defined';

const points = [
  { at: '2026-11-21T10:15:00.000Z', value: 420 },
  { at: '2026-11-21T10:00:00.000Z', value: 630 },
  { at: '2026-11-21T10:30:00.000Z', value: null },
  { at: '2026-11-21T10:45:00.000Z', value: 120 },
];

describe('valueRows', () => {
  it('puts the points on a time axis, oldest first, keeping gaps as gaps', () => {
    expect(valueRows('p95_latency_ms', points)).toEqual([
      { time: Date.parse('2026-11-21T10:00:00.000Z'), value: 630 },
      { time: Date.parse('2026-11-21T10:15:00.000Z'), value: 420 },
      { time: Date.parse('2026-11-21T10:30:00.000Z'), value: null },
      { time: Date.parse('2026-11-21T10:45:00.000Z'), value: 120 },
    ]);
  });

  it('draws a share as a percentage', () => {
    const rows = valueRows('error_rate', [{ at: '2026-11-21T10:00:00.000Z', value: 0.05 }]);
    expect(defined(rows[0]).value).toBeCloseTo(5);
    expect(chartValue('error_rate', 0.02)).toBeCloseTo(2);
    expect(chartValue('request_rate', 0.02)).toBe(0.02);
    expect(formatChartValue('error_rate', 5)).toBe('5 %');
  });
});

describe('hasValues', () => {
  it('is false when nothing was measured in the range', () => {
    expect(hasValues(valueRows('p95_latency_ms', points))).toBe(true);
    expect(hasValues([{ time: 1, value: null }])).toBe(false);
    expect(hasValues([])).toBe(false);
  });
});

describe('valueSummary', () => {
  it('says the highest, lowest and latest values and the condition', () => {
    expect(valueSummary('p95_latency_ms', valueRows('p95_latency_ms', points), '> 500 ms')).toBe(
      'Highest 630 ms, lowest 120 ms, latest 120 ms; fires when > 500 ms.',
    );
  });

  it('says when nothing was measured', () => {
    expect(valueSummary('error_rate', [], '> 2 %')).toBe('Nothing measured; fires when > 2 %.');
    expect(rangeText('error_rate', [{ time: 1, value: null }])).toBeNull();
  });
});
