import { useId } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow } from '../series';
import { formatPointTime } from '../format';
import { timeAxisProps } from './time-axis';
import { useWidth } from './use-width';

export interface ChartLine {
  key: keyof Omit<ChartRow, 'time'>;
  name: string;
  color: string;
  /** Dashed lines tell series apart without colour. */
  dashed?: boolean;
}

const HEIGHT = 240;
const reduceMotion =
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A time series chart: a numeric time axis over the whole window (so gaps stay where they
 * happened), a y axis labelled with its unit, a tooltip and a legend. `null` values are gaps.
 */
/** Up to this many points, each is drawn as a dot as well. */
const SPARSE_POINTS = 60;

const pointsOf = (rows: readonly object[], key: string) =>
  rows.filter((row) => typeof (row as Record<string, unknown>)[key] === 'number').length;

export function TimeChart({
  title,
  rows,
  lines,
  unit,
  axisLabel,
  format,
}: {
  title: string;
  rows: ChartRow[];
  lines: ChartLine[];
  /** Short unit after each y tick ("ms", "%"). */
  unit: string;
  /** The y axis title, unit included ("Response time (ms)"). */
  axisLabel: string;
  /** A value as the tooltip shows it, with its unit. */
  format: (value: number | null) => string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const titleId = useId();
  return (
    <figure className="perf-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="perf-chart__title">
        {title}
      </figcaption>
      <div ref={ref} className="perf-chart__canvas">
        <LineChart
          width={width}
          height={HEIGHT}
          data={rows}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          title={title}
        >
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis {...timeAxisProps(rows)} />
          <YAxis
            unit={` ${unit}`}
            width={72}
            fontSize={12}
            allowDecimals
            label={{ value: axisLabel, angle: -90, position: 'insideLeft', fontSize: 12, dy: 60 }}
          />
          <Tooltip
            labelFormatter={(time) => formatPointTime(Number(time))}
            formatter={(value) => format(typeof value === 'number' ? value : null)}
          />
          <Legend />
          {lines.map((line) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.name}
              stroke={line.color}
              strokeWidth={2}
              strokeDasharray={line.dashed ? '6 3' : undefined}
              // With few points, a point between gaps would otherwise draw nothing at all.
              dot={pointsOf(rows, line.key) <= SPARSE_POINTS ? { r: 3 } : false}
              connectNulls={false}
              isAnimationActive={!reduceMotion}
            />
          ))}
        </LineChart>
      </div>
    </figure>
  );
}
