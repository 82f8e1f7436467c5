import type { AlertMetric } from '@ledgerlens/contracts';
import { useId } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatPointTime, timeAxisProps, useWidth } from '../../admin-performance';
import { METRIC_KINDS } from '../metric-kinds';
import {
  chartValue,
  formatChartValue,
  hasValues,
  type ValueRow,
  valueSummary,
} from '../value-series';

const HEIGHT = 220;
const reduceMotion =
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const AXIS_UNITS = { ms: 'ms', share: '%', per_second: 'req/s', count: '' } as const;

/**
 * A rule's measured value over the last hours with its threshold as a line, so an admin sees
 * how often it would have fired. The caption says the same in words.
 */
export function ValueChart({
  title,
  rows,
  metric,
  threshold,
  condition,
}: {
  title: string;
  rows: ValueRow[];
  metric: AlertMetric;
  /** In the metric's own unit (a share 0 to 1). */
  threshold: number;
  /** The condition in words: "> 500 ms". */
  condition: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(480);
  const titleId = useId();
  const summaryId = useId();
  const unit = AXIS_UNITS[METRIC_KINDS[metric].unit];
  return (
    <figure className="alert-chart" aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption id={titleId} className="alert-chart__title">
        {title}
      </figcaption>
      {hasValues(rows) ? (
        <div ref={ref} className="alert-chart__canvas">
          <LineChart
            width={width}
            height={HEIGHT}
            data={rows}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis {...timeAxisProps(rows)} />
            <YAxis unit={unit ? ` ${unit}` : undefined} width={72} fontSize={12} allowDecimals />
            <Tooltip
              labelFormatter={(time) => formatPointTime(Number(time))}
              formatter={(value) =>
                formatChartValue(metric, typeof value === 'number' ? value : null)
              }
            />
            <Legend />
            <Line
              dataKey="value"
              name={METRIC_KINDS[metric].label}
              stroke="var(--color-accent)"
              strokeWidth={2}
              dot={rows.length <= 60 ? { r: 2 } : false}
              connectNulls={false}
              isAnimationActive={!reduceMotion}
            />
            <ReferenceLine
              y={chartValue(metric, threshold)}
              stroke="var(--color-danger-text)"
              strokeDasharray="6 3"
              ifOverflow="extendDomain"
              label={{
                value: `Threshold ${condition}`,
                position: 'insideTopRight',
                fontSize: 12,
                fill: 'var(--color-danger-text)',
              }}
            />
          </LineChart>
        </div>
      ) : null}
      <p id={summaryId} className="text-muted alert-chart__summary">
        {hasValues(rows)
          ? valueSummary(metric, rows, condition)
          : `Nothing was measured in this range; the rule fires when ${condition}.`}
      </p>
    </figure>
  );
}
