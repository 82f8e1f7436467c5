import type { ReactNode } from 'react';

/** A page's title with its main action beside it (below it on a phone). */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      {/* Focusable by script only: see focusPageHeading. */}
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </header>
  );
}
