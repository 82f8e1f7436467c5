import { defined } from '../../test/defined';
import {
  coveredWindow,
  durationText,
  rowLabel,
  timelineBars,
  timelineRows,
  timelineSummary,
} from './timeline';
import { aChange } from './testing/factories';

const at = (time: string) => Date.parse(`2026-11-21T${time}:00.000Z`);
const WINDOW = { from: at('10:00'), to: at('11:00') };
const OTHER_RULE = '00000000-0000-4000-c000-000000000099';

describe('timelineRows', () => {
  it('turns an instance’s changes into back-to-back stretches across the window', () => {
    // Newest first, as the API answers.
    const changes = [
      aChange({ fromState: 'firing', toState: 'normal', occurredAt: '2026-11-21T10:30:00.000Z' }),
      aChange({ fromState: 'pending', toState: 'firing', occurredAt: '2026-11-21T10:05:00.000Z' }),
      aChange({ fromState: 'normal', toState: 'pending', occurredAt: '2026-11-21T10:02:00.000Z' }),
    ];
    const row = defined(timelineRows(changes, WINDOW)[0]);
    expect(row.segments).toEqual([
      { state: 'normal', start: at('10:00'), end: at('10:02') },
      { state: 'pending', start: at('10:02'), end: at('10:05') },
      { state: 'firing', start: at('10:05'), end: at('10:30') },
      { state: 'normal', start: at('10:30'), end: at('11:00') },
    ]);
    expect(row.changes).toBe(3);
    expect(row.ruleName).toBe('Slow endpoints');
  });

  it('draws nothing before the rule was created', () => {
    const row = defined(
      timelineRows(
        [
          aChange({
            fromState: 'normal',
            toState: 'pending',
            occurredAt: '2026-11-21T10:50:00.000Z',
          }),
        ],
        WINDOW,
        new Map([[aChange().ruleId, at('10:45')]]),
      )[0],
    );
    expect(row.segments).toEqual([
      { state: 'normal', start: at('10:45'), end: at('10:50') },
      { state: 'pending', start: at('10:50'), end: at('11:00') },
    ]);
  });

  it('starts in the state the first change left', () => {
    const row = defined(
      timelineRows(
        [
          aChange({
            fromState: 'firing',
            toState: 'normal',
            occurredAt: '2026-11-21T10:20:00.000Z',
          }),
        ],
        WINDOW,
      )[0],
    );
    expect(row.segments.map((segment) => segment.state)).toEqual(['firing', 'normal']);
  });

  it('draws nothing for a change at the window’s very start before it', () => {
    const row = defined(
      timelineRows(
        [
          aChange({
            fromState: 'normal',
            toState: 'firing',
            occurredAt: '2026-11-21T10:00:00.000Z',
          }),
        ],
        WINDOW,
      )[0],
    );
    expect(row.segments).toEqual([{ state: 'firing', start: at('10:00'), end: at('11:00') }]);
  });

  it('orders changes at the same moment by ID and merges repeated states', () => {
    const row = defined(
      timelineRows(
        [
          aChange({
            id: '10',
            fromState: 'pending',
            toState: 'firing',
            occurredAt: '2026-11-21T10:10:00.000Z',
          }),
          aChange({
            id: '9',
            fromState: 'normal',
            toState: 'pending',
            occurredAt: '2026-11-21T10:10:00.000Z',
          }),
          aChange({
            id: '11',
            fromState: 'firing',
            toState: 'firing',
            occurredAt: '2026-11-21T10:40:00.000Z',
          }),
        ],
        WINDOW,
      )[0],
    );
    expect(row.segments).toEqual([
      { state: 'normal', start: at('10:00'), end: at('10:10') },
      { state: 'firing', start: at('10:10'), end: at('11:00') },
    ]);
  });

  it('gives each instance of a rule its own row, rules by name', () => {
    const rows = timelineRows(
      [
        aChange({
          ruleName: 'Slow endpoints',
          instanceKey: 'GET /b',
          labels: { method: 'GET', route: '/b' },
        }),
        aChange({
          ruleName: 'Slow endpoints',
          instanceKey: 'GET /a',
          labels: { method: 'GET', route: '/a' },
        }),
        aChange({ ruleId: OTHER_RULE, ruleName: 'Errors', instanceKey: '' }),
      ],
      WINDOW,
    );
    expect(rows.map(rowLabel)).toEqual([
      'Errors',
      'Slow endpoints · method=GET, route=/a',
      'Slow endpoints · method=GET, route=/b',
    ]);
  });

  it('leaves out changes outside the window', () => {
    expect(timelineRows([aChange({ occurredAt: '2026-11-21T09:59:59.000Z' })], WINDOW)).toEqual([]);
  });
});

describe('coveredWindow', () => {
  const changes = [
    aChange({ occurredAt: '2026-11-21T10:40:00.000Z' }),
    aChange({ occurredAt: '2026-11-21T10:20:00.000Z' }),
  ];

  it('is the whole window when every change was fetched', () => {
    expect(coveredWindow(changes, 2, WINDOW)).toEqual(WINDOW);
    expect(coveredWindow([], 0, WINDOW)).toEqual(WINDOW);
  });

  it('starts at the oldest fetched change when older ones were not fetched', () => {
    expect(coveredWindow(changes, 500, WINDOW)).toEqual({ from: at('10:20'), to: at('11:00') });
  });
});

describe('timelineBars', () => {
  it('gives each row its stretches’ lengths, in order', () => {
    const rows = timelineRows(
      [aChange({ fromState: 'normal', toState: 'firing', occurredAt: '2026-11-21T10:15:00.000Z' })],
      WINDOW,
    );
    expect(timelineBars(rows)).toEqual([
      { label: 'Slow endpoints', row: rows[0], durations: [15 * 60_000, 45 * 60_000] },
    ]);
  });
});

describe('texts', () => {
  it('sums up the chart in a sentence', () => {
    const rows = timelineRows(
      [
        aChange({
          fromState: 'normal',
          toState: 'pending',
          occurredAt: '2026-11-21T10:02:00.000Z',
        }),
        aChange({
          fromState: 'pending',
          toState: 'firing',
          occurredAt: '2026-11-21T10:05:00.000Z',
        }),
        aChange({ ruleId: OTHER_RULE, ruleName: 'Errors', fromState: 'normal', toState: 'nodata' }),
      ],
      WINDOW,
    );
    expect(timelineSummary(rows)).toBe('2 alerts changed state 3 times; 1 of them fired.');
    expect(timelineSummary(rows.slice(1).map((row) => ({ ...row, changes: 1 })))).toBe(
      '1 alert changed state once; 1 of them fired.',
    );
  });

  it('says how long a stretch lasted', () => {
    expect(durationText(20_000)).toBe('under a minute');
    expect(durationText(25 * 60_000)).toBe('25 min');
    expect(durationText(185 * 60_000)).toBe('3 h 5 min');
    expect(durationText((52 * 60 + 10) * 60_000)).toBe('2 d 4 h');
  });
});
