import { formatLocalTime, formatUtcTime } from '../time';

/** A time as the viewer reads it, with UTC on hover. */
export function Time({ value }: { value: string }) {
  return (
    <time dateTime={value} title={formatUtcTime(value)}>
      {formatLocalTime(value)}
    </time>
  );
}
