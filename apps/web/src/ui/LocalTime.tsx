import { formatLocalTime, formatUtcTime } from './format';

/** A moment in the viewer's time zone, with its UTC time on hover. */
export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtcTime(iso)}>
      {formatLocalTime(iso)}
    </time>
  );
}
