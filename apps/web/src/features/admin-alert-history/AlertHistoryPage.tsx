import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, PageHeader, Skeleton } from '../../ui';
import { AlertingLinks } from '../admin-alert-contact-points';
import { type AlertRule, useAlertRules, useContactPoints } from '../admin-alerts';
import { CountedPager } from '../admin-exceptions';
import { RANGE_LABELS } from '../admin-performance';
import { stateLabel } from './alert-states';
import { useHistoryPage, useLiveHistory, useTimeline } from './api/history-queries';
import { HistoryFiltersBar } from './components/HistoryFiltersBar';
import { HistoryTable } from './components/HistoryTable';
import { RecentDeliveries } from './components/RecentDeliveries';
import { StateTimelineChart } from './components/StateTimelineChart';
import {
  filtersFromParams,
  filtersToParams,
  type HistoryFilters,
  withFilter,
} from './history-filters';
import { coveredWindow, timelineRows } from './timeline';
import '../admin-performance/performance.css';
import './alert-history.css';

/** Marks a section whose figures belong to the previous choice while the new ones load. */
const busy = (stale: boolean) => ({
  'aria-busy': stale || undefined,
  className: stale ? 'alert-history-stale' : undefined,
});

function Timeline({ filters, rules }: { filters: HistoryFilters; rules: AlertRule[] | undefined }) {
  const timeline = useTimeline(filters);
  const phrase = RANGE_LABELS[filters.range].phrase;
  const drawn = useMemo(() => {
    if (!timeline.data) return undefined;
    const { entries, total, window } = timeline.data;
    const covered = coveredWindow(entries, total, window);
    const createdAt = new Map(rules?.map((rule) => [rule.id, Date.parse(rule.createdAt)]));
    return { window: covered, rows: timelineRows(entries, covered, createdAt) };
  }, [timeline.data, rules]);

  if (timeline.error) {
    return (
      <ErrorState
        title="The timeline could not be loaded"
        error={timeline.error}
        onRetry={() => void timeline.refetch()}
      />
    );
  }
  if (!timeline.data || !drawn) return <Skeleton label="Loading the timeline" rows={4} />;
  const { entries, total } = timeline.data;
  if (drawn.rows.length === 0) {
    return (
      <EmptyState title={`No state changes in ${phrase}`}>
        <p>
          Rules that stayed in one state have nothing to show. Choose a longer range to look further
          back.
        </p>
      </EmptyState>
    );
  }
  return (
    <div {...busy(timeline.isPlaceholderData)}>
      {entries.length < total && (
        <p className="text-muted">
          The {entries.length.toLocaleString()} newest of {total.toLocaleString()} changes are
          drawn; the timeline starts at the oldest of them. Choose one rule or a shorter range to
          see all.
        </p>
      )}
      <StateTimelineChart
        rows={drawn.rows}
        window={drawn.window}
        title={`States of each alert over ${phrase}`}
      />
    </div>
  );
}

function Changes({
  filters,
  rules,
  contactPointNames,
  onPage,
}: {
  filters: HistoryFilters;
  rules: AlertRule[] | undefined;
  contactPointNames: ReadonlyMap<string, string> | undefined;
  onPage: (page: number) => void;
}) {
  const history = useHistoryPage(filters);
  const phrase = RANGE_LABELS[filters.range].phrase;

  if (history.error) {
    return (
      <ErrorState
        title="State changes could not be loaded"
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  if (!history.data) return <Skeleton label="Loading state changes" rows={6} />;
  const { items, total, page, limit } = history.data;
  if (total === 0) {
    return (
      <EmptyState
        title={
          filters.state
            ? `No changes into ${stateLabel(filters.state).toLowerCase()} in ${phrase}`
            : 'No state changes to list'
        }
      />
    );
  }
  return (
    <div {...busy(history.isPlaceholderData)}>
      <HistoryTable entries={items} rules={rules} contactPointNames={contactPointNames} />
      <CountedPager
        page={page}
        limit={limit}
        total={total}
        noun={total === 1 ? 'change' : 'changes'}
        onPage={onPage}
      />
    </div>
  );
}

/**
 * Alert history (`/admin/alerts/history`): how each alert's state moved over a range (a timeline
 * per instance), the state changes themselves, and the notifications each one sent. Rule, range,
 * state and page are in the URL; firing and resolving alerts refresh it live. The newest deliveries
 * close the page, for what is still being retried.
 */
export function AlertHistoryPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const rules = useAlertRules();
  const contactPoints = useContactPoints();
  const contactPointNames = useMemo(
    () =>
      contactPoints.data &&
      new Map(contactPoints.data.map((contactPoint) => [contactPoint.id, contactPoint.name])),
    [contactPoints.data],
  );
  useLiveHistory();
  const go = (next: HistoryFilters) => setParams(filtersToParams(next));

  return (
    <section className="alert-history-page">
      <PageHeader title="Alert history" />
      <AlertingLinks />
      <HistoryFiltersBar
        filters={filters}
        rules={rules.data}
        rulesFailed={rules.isError}
        onChange={(change) => go(withFilter(filters, change))}
      />
      <section aria-labelledby="alert-history-timeline">
        <h2 id="alert-history-timeline">Timeline</h2>
        <p className="text-muted">
          Every state of the chosen rules; “Changed into” narrows the list below only.
        </p>
        <Timeline filters={filters} rules={rules.data} />
      </section>
      <section aria-labelledby="alert-history-changes">
        <h2 id="alert-history-changes">State changes</h2>
        <Changes
          filters={filters}
          rules={rules.data}
          contactPointNames={contactPointNames}
          onPage={(page) => go({ ...filters, page })}
        />
      </section>
      <section aria-labelledby="alert-history-deliveries">
        <h2 id="alert-history-deliveries">Recent deliveries</h2>
        <RecentDeliveries
          filters={filters}
          contactPointNames={contactPointNames}
          onStatus={(delivery) => go({ ...filters, delivery })}
        />
      </section>
    </section>
  );
}
