import { Line, LineChart, ReferenceLine, YAxis } from 'recharts';

/**
 * A small line over time, to glance at beside figures given in words: it is decoration, so it
 * is hidden from readers and the caller states what it shows in text (visible or visually
 * hidden). `null` values are gaps.
 *
 * Imported from this file, not from ui/index.ts: it brings Recharts along, which would otherwise
 * land in the chunk every page loads.
 */
export function Sparkline<Row extends { time: number }>({
  rows,
  dataKey,
  threshold,
  fromZero = true,
}: {
  rows: Row[];
  /** The row's field the line follows. */
  dataKey: keyof Row & string;
  /** A dashed line at this value (in the rows' unit), such as an alert's threshold. */
  threshold?: number;
  /**
   * Counts start at zero, so the line's height reads as an amount; a measure around a
   * threshold (a latency, a rate) is better scaled to its own range.
   */
  fromZero?: boolean;
}) {
  return (
    <span className="sparkline" aria-hidden="true">
      <LineChart width={120} height={28} data={rows} accessibilityLayer={false}>
        <YAxis hide domain={fromZero ? [0, 'auto'] : ['auto', 'auto']} />
        {threshold !== undefined && (
          <ReferenceLine
            y={threshold}
            stroke="var(--color-danger-text)"
            strokeDasharray="3 2"
            ifOverflow="extendDomain"
          />
        )}
        <Line
          type="monotone"
          dataKey={dataKey}
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
