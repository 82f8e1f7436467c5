import type { Change } from '../overview-figures';

const ARROWS = { up: '▲', down: '▼', same: '–' };

/**
 * A figure's move since the hour before: an arrow and the words (the colour only repeats them;
 * for error rates and response times, up is worse).
 */
export function ChangeText({ change, missing }: { change: Change | null; missing: string }) {
  if (!change) return <span className="overview-change">{missing}</span>;
  return (
    <span className={`overview-change overview-change--${change.direction}`}>
      <span aria-hidden="true">{ARROWS[change.direction]} </span>
      {change.text}
    </span>
  );
}
