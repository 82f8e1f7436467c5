import { ignoreBody } from './ignore-form';

describe('ignoreBody', () => {
  it('ignores until changed with an empty body', () => {
    expect(ignoreBody({ mode: 'untilChanged', until: '', untilCount: '' })).toEqual({
      ok: true,
      body: {},
    });
  });

  it('sends a local date and time as an instant', () => {
    const checked = ignoreBody({ mode: 'untilTime', until: '2026-11-22T09:30', untilCount: '' });
    expect(checked).toEqual({
      ok: true,
      body: { until: new Date(2026, 10, 22, 9, 30).toISOString() },
    });
  });

  it('sends a count as a number and leaves its range to the API', () => {
    expect(ignoreBody({ mode: 'untilCount', until: '', untilCount: '100' })).toEqual({
      ok: true,
      body: { untilCount: 100 },
    });
    expect(ignoreBody({ mode: 'untilCount', until: '', untilCount: '0' })).toEqual({
      ok: true,
      body: { untilCount: 0 },
    });
  });

  it('asks for the value of the chosen option', () => {
    expect(ignoreBody({ mode: 'untilTime', until: '', untilCount: '5' })).toEqual({
      ok: false,
      errors: { until: 'Choose the date and time to ignore it until.' },
    });
    expect(ignoreBody({ mode: 'untilCount', until: '2026-11-22T09:30', untilCount: ' ' })).toEqual({
      ok: false,
      errors: { untilCount: 'Enter how many more occurrences to ignore.' },
    });
  });
});
