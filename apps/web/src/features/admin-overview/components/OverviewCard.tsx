import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** One source of the overview: its title, its figures, and the page that says more. */
export function OverviewCard({
  id,
  title,
  more,
  children,
}: {
  id: string;
  title: string;
  more: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <section className="card overview-card" aria-labelledby={id}>
      <h2 id={id} className="overview-card__title">
        {title}
      </h2>
      <div className="overview-card__body">{children}</div>
      <p className="overview-card__more">
        <Link to={more.to}>{more.label}</Link>
      </p>
    </section>
  );
}

/** A count that leads to what it counts: "12 unresolved groups". */
export function FigureLink({ to, value, label }: { to: string; value: string; label: string }) {
  return (
    <Link to={to} className="overview-figure">
      <span className="overview-figure__value">{value}</span> {label}
    </Link>
  );
}
