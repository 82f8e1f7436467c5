import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { type CountPoint, timeTickFormat } from '../chart-series';
import { formatLocalTime } from '../../../ui';

const reduceMotion =
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Occurrences per bucket as bars, time along the bottom; `caption` says the same in words. */
export function TimeCountChart({
  points,
  spanMs,
  seriesName,
  caption,
}: {
  points: CountPoint[];
  spanMs: number;
  seriesName: string;
  caption: string;
}) {
  const tick = timeTickFormat(spanMs);
  return (
    <figure className="exception-chart">
      <BarChart
        responsive
        style={{ width: '100%', height: 240 }}
        data={points}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="time"
          tickFormatter={(time: number) => formatLocalTime(new Date(time).toISOString(), tick)}
          minTickGap={24}
        />
        <YAxis
          allowDecimals={false}
          width={48}
          label={{ value: 'Occurrences', angle: -90, position: 'insideLeft' }}
        />
        <Tooltip
          labelFormatter={(time) => formatLocalTime(new Date(Number(time)).toISOString())}
          formatter={(value) => [`${Number(value).toLocaleString()} occurrences`, seriesName]}
        />
        <Legend />
        <Bar
          dataKey="count"
          name={seriesName}
          fill="var(--color-accent)"
          isAnimationActive={!reduceMotion}
        />
      </BarChart>
      <figcaption className="text-muted">{caption}</figcaption>
    </figure>
  );
}
