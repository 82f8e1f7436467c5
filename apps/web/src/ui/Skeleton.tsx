/** Placeholder rows while data loads; announced once to screen readers by its label. */
export function Skeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div className="skeleton" role="status" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="skeleton__row" />
      ))}
    </div>
  );
}
