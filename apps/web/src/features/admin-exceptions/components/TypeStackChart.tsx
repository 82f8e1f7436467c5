import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { timeTickFormat, type TypeStack } from '../chart-series';
import { formatLocalTime } from '../../../ui';

/** Distinct hues that keep apart for common colour blindness (Okabe–Ito), then grey for "other". */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999'];

const reduceMotion =
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Occurrences per bucket, stacked by type; the table below it has the same numbers. */
export function TypeStackChart({
  stack,
  spanMs,
  caption,
}: {
  stack: TypeStack;
  spanMs: number;
  caption: string;
}) {
  const tick = timeTickFormat(spanMs);
  return (
    <figure className="exception-chart">
      <BarChart
        responsive
        style={{ width: '100%', height: 280 }}
        data={stack.rows}
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
          formatter={(value, name) => [`${Number(value).toLocaleString()} occurrences`, name]}
        />
        <Legend />
        {stack.keys.map((key, index) => (
          <Bar
            key={key}
            dataKey={key}
            name={key}
            stackId="types"
            fill={PALETTE[Math.min(index, PALETTE.length - 1)]}
            isAnimationActive={!reduceMotion}
          />
        ))}
      </BarChart>
      <figcaption className="text-muted">{caption}</figcaption>
    </figure>
  );
}
