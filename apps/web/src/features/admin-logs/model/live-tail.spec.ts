import type { LogLinePayload } from '@ledgerlens/contracts';
import { EMPTY_FILTERS } from './log-filters';
import {
  EMPTY_LIVE_TAIL,
  hasLocalLiveFilters,
  LIVE_TAIL_LIMIT,
  type LiveItem,
  type LiveTailAction,
  liveTailFilterOf,
  liveTailReducer,
  matchesLiveFilters,
} from './live-tail';

const aLine = (message: string, overrides: Partial<LogLinePayload> = {}): LogLinePayload => ({
  timestamp: '2026-11-21T10:15:30.123456Z',
  level: 'info',
  source: 'backend',
  module: 'http',
  message,
  traceId: null,
  userId: null,
  requestMethod: null,
  requestPath: null,
  statusCode: null,
  durationMs: null,
  extra: {},
  ...overrides,
});

const run = (...actions: LiveTailAction[]) => actions.reduce(liveTailReducer, EMPTY_LIVE_TAIL);
const line = (message: string): LiveTailAction => ({ type: 'line', line: aLine(message) });
const describeItems = (items: LiveItem[]) =>
  items.map((item) =>
    item.kind === 'line'
      ? item.line.message
      : item.kind === 'skipped'
        ? `skipped ${item.count}`
        : 'gap',
  );

describe('live tail', () => {
  describe('liveTailReducer', () => {
    it('puts each arriving line and skip note on top, adding up notes in a row', () => {
      const state = run(
        line('a'),
        { type: 'skipped', count: 40 },
        { type: 'skipped', count: 2 },
        line('b'),
      );
      expect(describeItems(state.shown)).toEqual(['b', 'skipped 42', 'a']);
    });

    it('notes a lost connection once, however often it is reported', () => {
      const state = run(line('a'), { type: 'gap' }, { type: 'gap' }, line('b'));
      expect(describeItems(state.shown)).toEqual(['b', 'gap', 'a']);
    });

    it('keeps the newest lines only', () => {
      const actions = Array.from({ length: LIVE_TAIL_LIMIT + 5 }, (_, i) => line(`line ${i}`));
      const state = run(...actions);
      expect(state.shown).toHaveLength(LIVE_TAIL_LIMIT);
      expect(describeItems(state.shown)[0]).toBe(`line ${LIVE_TAIL_LIMIT + 4}`);
      expect(describeItems(state.shown).at(-1)).toBe('line 5');
    });

    it('holds and counts what arrives while paused, and resume shows it in order on top', () => {
      const paused = run(
        line('before'),
        { type: 'pause' },
        line('p1'),
        { type: 'skipped', count: 7 },
        line('p2'),
      );
      expect(describeItems(paused.shown)).toEqual(['before']);
      expect(paused).toMatchObject({ paused: true, heldLines: 2, heldSkipped: 7 });

      const resumed = liveTailReducer(paused, { type: 'resume' });
      expect(describeItems(resumed.shown)).toEqual(['p2', 'skipped 7', 'p1', 'before']);
      expect(resumed).toMatchObject({ paused: false, held: [], heldLines: 0, heldSkipped: 0 });
      expect(new Set(resumed.shown.map((item) => item.seq)).size).toBe(4);
    });

    it('clears what is shown and held, staying paused if it was', () => {
      const state = run(line('a'), { type: 'pause' }, line('b'), { type: 'clear' });
      expect(state).toMatchObject({ shown: [], held: [], heldLines: 0, paused: true });
    });
  });

  describe('filters', () => {
    it('sends the server the filters it applies', () => {
      expect(liveTailFilterOf(EMPTY_FILTERS)).toEqual({});
      expect(
        liveTailFilterOf({
          ...EMPTY_FILTERS,
          source: 'frontend',
          levels: ['error', 'fatal'],
          minLevel: 'warn',
          module: 'http',
          traceId: 'abc',
          userId: 'u',
          path: '/p',
          q: 'text',
          range: '1h',
        }),
      ).toEqual({ source: 'frontend', level: ['error', 'fatal'], module: 'http', traceId: 'abc' });
      expect(liveTailFilterOf({ ...EMPTY_FILTERS, minLevel: 'warn' })).toEqual({
        minLevel: 'warn',
      });
    });

    it('knows which filters only this page can apply', () => {
      expect(hasLocalLiveFilters({ ...EMPTY_FILTERS, source: 'backend', range: '1h' })).toBe(false);
      expect(hasLocalLiveFilters({ ...EMPTY_FILTERS, q: 'x' })).toBe(true);
    });

    it('matches a line as the list would: exact fields, minimum level, text in any case', () => {
      const entry = aLine('Payment TIMEOUT', {
        level: 'error',
        userId: 'u-1',
        requestPath: '/api/v1/x',
      });
      const matches = (values: Partial<typeof EMPTY_FILTERS>) =>
        matchesLiveFilters(entry, { ...EMPTY_FILTERS, ...values });
      expect(matches({})).toBe(true);
      expect(matches({ minLevel: 'warn', q: 'timeout', userId: 'u-1', path: '/api/v1/x' })).toBe(
        true,
      );
      expect(matches({ minLevel: 'fatal' })).toBe(false);
      expect(matches({ levels: ['warn'] })).toBe(false);
      expect(matches({ source: 'frontend' })).toBe(false);
      expect(matches({ module: 'other' })).toBe(false);
      expect(matches({ traceId: 'abc' })).toBe(false);
      expect(matches({ userId: 'u-2' })).toBe(false);
      expect(matches({ path: '/api/v1' })).toBe(false);
      expect(matches({ q: 'refused' })).toBe(false);
    });
  });
});
