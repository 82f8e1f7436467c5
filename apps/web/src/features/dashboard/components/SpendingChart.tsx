import { Pie, PieChart } from 'recharts';
import type { CategorySpending } from '../month-summary';

const SIZE = 200;
const reduceMotion =
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A donut of spending by category in the categories' colours. Decoration only: the table beside
 * it carries the same numbers for everyone, so the chart is hidden from assistive technology —
 * and from the keyboard (Recharts makes the pie a tab stop unless told otherwise), since a
 * focusable element inside `aria-hidden` is a stop that reads as nothing.
 * Its size is fixed (it fits a phone), so it needs no measuring container.
 */
export function SpendingChart({ categories }: { categories: CategorySpending[] }) {
  // Slices only need proportions, so floats are fine here; the exact sums are in the table.
  const data = categories.map(({ name, cents, color }) => ({
    name,
    cents: Number(cents),
    fill: color,
  }));
  return (
    <div className="spending__chart" aria-hidden="true">
      <PieChart width={SIZE} height={SIZE} accessibilityLayer={false}>
        <Pie
          data={data}
          dataKey="cents"
          nameKey="name"
          innerRadius={SIZE * 0.28}
          outerRadius={SIZE * 0.48}
          stroke="#fff"
          rootTabIndex={-1}
          isAnimationActive={!reduceMotion}
        />
      </PieChart>
    </div>
  );
}
