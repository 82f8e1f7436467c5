import { describeTrend, trendDirection } from '../chart-series';
import type { ExceptionPatterns } from '../api/get-exception-patterns';

const ARROWS = { up: '▲', down: '▼', flat: '–' };

/** A change against the previous window: an arrow and the words, coloured for a glance only. */
export function TrendText({ trend }: { trend: ExceptionPatterns['trend'] }) {
  const direction = trendDirection(trend);
  return (
    <span className={`exception-trend exception-trend--${direction}`}>
      <span aria-hidden="true">{ARROWS[direction]} </span>
      {describeTrend(trend)}
    </span>
  );
}
