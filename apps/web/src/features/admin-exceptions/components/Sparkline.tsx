import { Line, LineChart } from 'recharts';
import type { CountPoint } from '../chart-series';

/** A small line of counts over time; decoration beside the numbers, so hidden from readers. */
export function Sparkline({ points }: { points: CountPoint[] }) {
  return (
    <span className="exception-sparkline" aria-hidden="true">
      <LineChart width={120} height={28} data={points} accessibilityLayer={false}>
        <Line
          type="monotone"
          dataKey="count"
          stroke="var(--color-accent)"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
