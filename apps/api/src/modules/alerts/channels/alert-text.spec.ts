import {
  conditionText,
  durationInWords,
  formatValue,
  headlineValue,
  metricName,
  oneLine,
  truncate,
} from './alert-text';
import { instance } from './testing/alert-messages';

describe('alert text', () => {
  it.each([
    [300, '5 minutes'],
    [60, '1 minute'],
    [90, '90 seconds'],
    [3600, '1 hour'],
    [5400, '90 minutes'],
    [7200, '2 hours'],
    [86_400, '1 day'],
    [1, '1 second'],
  ])('says %d seconds as %s', (seconds, words) => {
    expect(durationInWords(seconds)).toBe(words);
  });

  it.each([
    ['p95_latency_ms', 350, '350 ms'],
    ['p99_latency_ms', 1234.567, '1,234.57 ms'],
    ['error_rate', 0.0525, '5.25%'],
    ['request_rate', 12.5, '12.5/s'],
    ['exception_count', 7, '7'],
    ['log_count', null, 'no data'],
  ])('shows a %s of %p as %s', (metric, value, text) => {
    expect(formatValue(metric, value)).toBe(text);
  });

  it('names metrics and conditions in words', () => {
    expect(metricName('p95_latency_ms')).toBe('p95 latency');
    expect(metricName('some_future_metric')).toBe('some future metric');
    expect(conditionText({ metricType: 'error_rate', operator: '>=', threshold: 0.05 })).toBe(
      '>= 5%',
    );
  });

  it('picks the value that shows the breach best', () => {
    const instances = [instance('/a', 250), instance('/b', null), instance('/c', 400)];
    expect(headlineValue('>', instances)).toBe(400);
    expect(headlineValue('<=', instances)).toBe(250);
    expect(headlineValue('==', instances)).toBe(250);
    expect(headlineValue('>', [instance('/b', null)])).toBeNull();
  });

  it('keeps text on one line and cuts it by code points', () => {
    expect(oneLine('High\r\nBcc: evil@example.com\u2028x')).toBe('High Bcc: evil@example.com x');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(truncate('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});
