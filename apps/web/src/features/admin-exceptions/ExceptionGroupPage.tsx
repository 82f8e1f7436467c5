import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api-error';
import { EmptyState, ErrorState, FormError, PageHeader, SelectField, Skeleton } from '../../ui';
import { toast } from '../toasts';
import { useUnresolveException } from './api/exception-actions';
import { type ExceptionGroupDetail, useExceptionGroup } from './api/get-exception-group';
import type { ExceptionGroup } from './api/get-exception-groups';
import { hasCounts, hourlySeries } from './chart-series';
import { IgnoreDialog } from './components/IgnoreDialog';
import { OccurrenceTable } from './components/OccurrenceTable';
import { ResolveDialog } from './components/ResolveDialog';
import { StackTrace } from './components/StackTrace';
import { StatusBadge } from './components/StatusBadge';
import { LocalTime } from '../../ui';
import { TimeCountChart } from './components/TimeCountChart';
import { RANGES, type RangeKey } from './exception-filters';
import './admin-exceptions.css';

/** The hourly chart's ranges: the API keeps hourly counts for 90 days at most. */
const CHART_RANGES: RangeKey[] = ['24h', '7d', '30d'];

function chartRangeOf(params: URLSearchParams): RangeKey {
  const range = params.get('range') as RangeKey;
  return CHART_RANGES.includes(range) ? range : '24h';
}

/** Resolve, ignore or reopen, depending on the status. */
function GroupActions({ group }: { group: ExceptionGroup }) {
  const [dialog, setDialog] = useState<'resolve' | 'ignore' | null>(null);
  const unresolve = useUnresolveException();
  const close = () => setDialog(null);
  return (
    <div className="page-header__actions exception-actions">
      {group.status !== 'resolved' && (
        <button type="button" className="button" onClick={() => setDialog('resolve')}>
          Resolve
        </button>
      )}
      {group.status === 'unresolved' && (
        <button type="button" className="button button--ghost" onClick={() => setDialog('ignore')}>
          Ignore
        </button>
      )}
      {group.status !== 'unresolved' && (
        <button
          type="button"
          className="button button--ghost"
          disabled={unresolve.isPending}
          onClick={() =>
            unresolve.mutate(group.id, {
              onSuccess: () => toast.success('Exception group marked unresolved'),
            })
          }
        >
          {unresolve.isPending ? 'Reopening…' : 'Unresolve'}
        </button>
      )}
      <FormError error={unresolve.error} />
      <ResolveDialog group={group} open={dialog === 'resolve'} onClose={close} />
      <IgnoreDialog group={group} open={dialog === 'ignore'} onClose={close} />
    </div>
  );
}

/** What the status means now: who resolved it and why, or how long it stays ignored. */
function StatusDetails({ group }: { group: ExceptionGroup }) {
  return (
    <>
      {group.regressed && group.regressedAt && (
        <p>
          Occurred again after it was resolved, last at <LocalTime iso={group.regressedAt} />.
        </p>
      )}
      {group.status === 'resolved' && group.resolvedAt && (
        <p>
          Resolved at <LocalTime iso={group.resolvedAt} />
          {group.resolutionNotes ? ':' : '.'}
        </p>
      )}
      {group.status === 'resolved' && group.resolutionNotes && (
        <blockquote className="exception-notes">{group.resolutionNotes}</blockquote>
      )}
      {group.status === 'ignored' && (
        <p>
          {group.ignoredUntil ? (
            <>
              Ignored until <LocalTime iso={group.ignoredUntil} />.
            </>
          ) : group.ignoreUntilCount !== null ? (
            `Ignored for ${group.ignoreUntilCount.toLocaleString()} more occurrences (${(
              group.ignoreRemaining ?? 0
            ).toLocaleString()} left).`
          ) : (
            'Ignored until someone changes its status.'
          )}
        </p>
      )}
    </>
  );
}

function GroupFacts({ group }: { group: ExceptionGroup }) {
  return (
    <dl className="exception-facts">
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge group={group} />
        </dd>
      </div>
      <div>
        <dt>Type</dt>
        <dd>{group.type}</dd>
      </div>
      <div>
        <dt>Culprit</dt>
        <dd>{group.culprit ? <code>{group.culprit}</code> : 'Not in our code'}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd>{group.source === 'backend' ? 'API (backend)' : 'Browser (frontend)'}</dd>
      </div>
      <div>
        <dt>Level</dt>
        <dd>{group.level}</dd>
      </div>
      <div>
        <dt>Occurrences</dt>
        <dd>{group.count.toLocaleString()}</dd>
      </div>
      <div>
        <dt>Users affected</dt>
        <dd>{group.affectedUsers.toLocaleString()}</dd>
      </div>
      <div>
        <dt>First seen</dt>
        <dd>
          <LocalTime iso={group.firstSeen} />
        </dd>
      </div>
      <div>
        <dt>Last seen</dt>
        <dd>
          <LocalTime iso={group.lastSeen} />
        </dd>
      </div>
    </dl>
  );
}

function HourlySection({
  detail,
  range,
  onRange,
}: {
  detail: ExceptionGroupDetail;
  range: RangeKey;
  onRange: (range: RangeKey) => void;
}) {
  const points = hourlySeries(detail.hourly);
  const rangeLabel = RANGES[range].label.toLowerCase();
  return (
    <section aria-labelledby="exception-hourly" className="card">
      <div className="exception-section-header">
        <h2 id="exception-hourly" className="card__title">
          Occurrences per hour
        </h2>
        <SelectField
          label="Range"
          value={range}
          onChange={(event) => onRange(event.target.value as RangeKey)}
        >
          {CHART_RANGES.map((key) => (
            <option key={key} value={key}>
              {RANGES[key].label}
            </option>
          ))}
        </SelectField>
      </div>
      {hasCounts(points) ? (
        <TimeCountChart
          points={points}
          spanMs={Date.parse(detail.hourly.to) - Date.parse(detail.hourly.from)}
          seriesName="Occurrences per hour"
          caption={`${detail.hourly.total.toLocaleString()} occurrences in the ${rangeLabel}.`}
        />
      ) : (
        <p className="exception-chart-empty">No occurrences in the {rangeLabel}.</p>
      )}
    </section>
  );
}

function GroupContent({
  detail,
  range,
  onRange,
}: {
  detail: ExceptionGroupDetail;
  range: RangeKey;
  onRange: (range: RangeKey) => void;
}) {
  const { group, latestOccurrence, recentOccurrences, storedOccurrences } = detail;
  return (
    <>
      <PageHeader title={group.title}>
        <GroupActions group={group} />
      </PageHeader>
      <section aria-labelledby="exception-summary" className="card">
        <h2 id="exception-summary" className="card__title">
          Summary
        </h2>
        <GroupFacts group={group} />
        <StatusDetails group={group} />
      </section>
      <HourlySection detail={detail} range={range} onRange={onRange} />
      <section aria-labelledby="exception-stack" className="card">
        <h2 id="exception-stack" className="card__title">
          Stack trace
        </h2>
        {latestOccurrence ? (
          <>
            <p className="text-muted">
              Of the latest stored occurrence, <LocalTime iso={latestOccurrence.occurredAt} />. Our
              frames are highlighted; library frames are folded.
            </p>
            <StackTrace stack={latestOccurrence.stack} />
            {Object.keys(latestOccurrence.context).length > 0 && (
              <details className="exception-context">
                <summary>Context</summary>
                <pre>{JSON.stringify(latestOccurrence.context, null, 2)}</pre>
              </details>
            )}
          </>
        ) : (
          <p className="text-muted">No occurrence is stored any more (sampled out or expired).</p>
        )}
      </section>
      <section aria-labelledby="exception-recent" className="card">
        <h2 id="exception-recent" className="card__title">
          Recent occurrences
        </h2>
        {recentOccurrences.length === 0 ? (
          <EmptyState title="No stored occurrences">
            <p>Occurrences are still counted when their details are sampled out or expire.</p>
          </EmptyState>
        ) : (
          <>
            <p className="text-muted">
              The {recentOccurrences.length.toLocaleString()} newest of{' '}
              {storedOccurrences.toLocaleString()} stored ({group.count.toLocaleString()} counted).
            </p>
            <OccurrenceTable occurrences={recentOccurrences} />
          </>
        )}
      </section>
    </>
  );
}

/** One exception group (`/admin/exceptions/:id`): its facts, stack, occurrences and actions. */
export function ExceptionGroupPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const range = chartRangeOf(params);
  const detail = useExceptionGroup(id, range);
  const onRange = (next: RangeKey) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next === '24h') updated.delete('range');
      else updated.set('range', next);
      return updated;
    });

  let content;
  if (detail.error) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    content = (
      <>
        <PageHeader title="Exception group" />
        {missing ? (
          <EmptyState title="This exception group does not exist">
            <Link to="/admin/exceptions">Back to all exceptions</Link>
          </EmptyState>
        ) : (
          <ErrorState
            title="The exception group could not be loaded"
            error={detail.error}
            onRetry={() => void detail.refetch()}
          />
        )}
      </>
    );
  } else if (!detail.data) {
    content = (
      <>
        <PageHeader title="Exception group" />
        <Skeleton label="Loading the exception group" rows={6} />
      </>
    );
  } else {
    content = <GroupContent detail={detail.data} range={range} onRange={onRange} />;
  }
  return (
    <section className="exceptions-page exception-group-page">
      <p className="exception-back">
        <Link to="/admin/exceptions">← All exceptions</Link>
      </p>
      {content}
    </section>
  );
}
