import type { ReactNode } from 'react';

/** What a page shows with nothing to list, with the next step (`children`: a link or button). */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children}
    </div>
  );
}
