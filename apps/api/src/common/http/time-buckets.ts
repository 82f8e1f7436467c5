const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Bucket widths tried in order: the first giving at most MAX_BUCKETS buckets wins. */
const BUCKET_SECONDS = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, DAY, 7 * DAY];
const MAX_BUCKETS = 200;

/** Bucket boundaries fall on round UTC times: minutes, hours, days, and Mondays for weeks. */
export const BUCKET_ORIGIN = '2000-01-03T00:00:00.000Z';

/** The bucket width of a chart over `rangeSeconds`: 1 minute to 7 days, at most 200 buckets. */
export function bucketSecondsFor(rangeSeconds: number): number {
  return (
    BUCKET_SECONDS.find((width) => rangeSeconds / width <= MAX_BUCKETS) ??
    BUCKET_SECONDS[BUCKET_SECONDS.length - 1]
  );
}

/** Start (epoch ms) of the bucket holding `time`, buckets being aligned on BUCKET_ORIGIN. */
export function bucketStartOf(time: Date, bucketSeconds: number): number {
  const origin = Date.parse(BUCKET_ORIGIN);
  const widthMs = bucketSeconds * 1000;
  return origin + Math.floor((time.getTime() - origin) / widthMs) * widthMs;
}
