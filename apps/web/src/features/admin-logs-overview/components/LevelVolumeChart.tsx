import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatPointTime, tickFormatterFor, useWidth } from '../../admin-performance';
import { LEVEL_COLORS, LEVEL_NAMES, STACK_ORDER, type VolumeRow } from '../overview-series';

const HEIGHT = 280;
const reduceMotion =
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Log lines per bucket stacked by level, in the levels' fixed colours; the legend and the
 * tooltip name every level, so the colour is never the only way to tell them apart.
 */
export function LevelVolumeChart({
  rows,
  bucket,
  caption,
}: {
  rows: VolumeRow[];
  /** The bucket width in words ("5 min"), the y axis' unit. */
  bucket: string;
  caption: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const titleId = useId();
  const first = rows[0]?.time ?? 0;
  const last = rows[rows.length - 1]?.time ?? 0;
  return (
    <figure className="perf-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="perf-chart__title">
        {caption}
      </figcaption>
      <div ref={ref} className="perf-chart__canvas">
        <BarChart
          width={width}
          height={HEIGHT}
          data={rows}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          title={caption}
        >
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="time"
            tickFormatter={tickFormatterFor(last - first)}
            minTickGap={24}
            fontSize={12}
          />
          <YAxis
            width={72}
            fontSize={12}
            allowDecimals={false}
            tickFormatter={(value: number) => formatCount(value)}
            label={{
              value: `Lines per ${bucket}`,
              angle: -90,
              position: 'insideLeft',
              fontSize: 12,
              dy: 50,
            }}
          />
          <Tooltip
            labelFormatter={(time) => `${formatPointTime(Number(time))} (${bucket})`}
            formatter={(value, name) => [`${formatCount(Number(value))} lines`, name]}
          />
          <Legend />
          {STACK_ORDER.map((level) => (
            <Bar
              key={level}
              dataKey={level}
              name={LEVEL_NAMES[level]}
              stackId="levels"
              fill={LEVEL_COLORS[level]}
              isAnimationActive={!reduceMotion}
            />
          ))}
        </BarChart>
      </div>
    </figure>
  );
}
