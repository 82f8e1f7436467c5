import { formatDateTime, formatUtc } from '../format';

/** An instant in the viewer's time zone, its UTC time on hover. */
export function Instant({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatDateTime(iso)}
    </time>
  );
}
