import type { AlertMetric } from '@ledgerlens/contracts';
import { Line, LineChart, ReferenceLine, YAxis } from 'recharts';
import { chartValue, hasValues, type ValueRow } from '../value-series';

/**
 * The rule's value over the last hours against its threshold, small; decoration beside the
 * value in words, so hidden from readers.
 */
export function RuleSparkline({
  rows,
  metric,
  threshold,
}: {
  rows: ValueRow[];
  metric: AlertMetric;
  threshold: number;
}) {
  if (!hasValues(rows)) return null;
  return (
    <span className="alert-sparkline" aria-hidden="true">
      <LineChart width={120} height={28} data={rows} accessibilityLayer={false}>
        <YAxis hide domain={['auto', 'auto']} />
        <ReferenceLine
          y={chartValue(metric, threshold)}
          stroke="var(--color-danger-text)"
          strokeDasharray="3 2"
          ifOverflow="extendDomain"
        />
        <Line
          type="monotone"
          dataKey="value"
          stroke="var(--color-accent)"
          strokeWidth={1.5}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
