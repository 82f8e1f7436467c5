import type { XAxisProps } from 'recharts';
import { tickFormatterFor } from '../format';

/**
 * The x axis of a time series: numeric time over the whole window, so gaps stay where they
 * happened, with ticks as fine as the window's span needs. Spread it on `<XAxis>`.
 */
export function timeAxisProps(rows: readonly { time: number }[]): XAxisProps {
  const first = rows[0]?.time ?? 0;
  const last = rows[rows.length - 1]?.time ?? 0;
  return {
    dataKey: 'time',
    type: 'number',
    scale: 'time',
    domain: [first, last],
    tickFormatter: tickFormatterFor(last - first),
    minTickGap: 24,
    fontSize: 12,
  };
}
