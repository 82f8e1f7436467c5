import { formatLocalTime, formatUtcTime } from '../model/time';

/** A moment in the viewer's time zone, with UTC on hover. */
export function Timestamp({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtcTime(iso)}>
      {formatLocalTime(iso)}
    </time>
  );
}
