import type { LogLevel } from '@ledgerlens/contracts';
import { LEVEL_LABELS } from '../model/log-format';

/** A line's level: its colour, and its name in words (colour is never the only signal). */
export function LevelBadge({ level }: { level: LogLevel }) {
  return <span className={`log-level log-level--${level}`}>{LEVEL_LABELS[level]}</span>;
}
