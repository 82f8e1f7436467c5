import { useFormatSettings } from '../lib/format-settings';
import { formatLocalTime, formatUtcTime } from './format';

/** A moment in the user's time zone and date format, with its UTC time on hover. */
export function LocalTime({ iso }: { iso: string }) {
  // Subscribed so that the time is written again when the user's preferences arrive or change.
  useFormatSettings();
  return (
    <time dateTime={iso} title={formatUtcTime(iso)}>
      {formatLocalTime(iso)}
    </time>
  );
}
