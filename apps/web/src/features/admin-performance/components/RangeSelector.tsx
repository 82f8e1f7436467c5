import { RANGE_LABELS, RANGES, type Range } from '../range';

/** The window of every figure on the page; the pressed button is the one shown. */
export function RangeSelector({
  value,
  onChange,
}: {
  value: Range;
  onChange: (range: Range) => void;
}) {
  return (
    <div className="perf-range" role="group" aria-label="Time range">
      {RANGES.map((range) => (
        <button
          key={range}
          type="button"
          className={`button button--ghost perf-range__option`}
          aria-pressed={range === value}
          aria-label={`Last ${RANGE_LABELS[range].short}`}
          onClick={() => onChange(range)}
        >
          {RANGE_LABELS[range].short}
        </button>
      ))}
    </div>
  );
}
