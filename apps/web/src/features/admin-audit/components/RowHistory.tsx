import { ErrorState, Skeleton } from '../../../ui';
import { useRowHistory } from '../api/audit-queries';
import type { AuditChange } from '../api/types';
import { formatValue, rowDiffOf } from '../model/row-diff';
import { LocalTime } from '../../../ui';

const ACTION_WORDS: Record<AuditChange['action'], string> = {
  INSERT: 'Created',
  UPDATE: 'Updated',
  DELETE: 'Deleted',
};

function ChangeDiff({ change }: { change: AuditChange }) {
  const diff = rowDiffOf(change);
  return (
    <li className="row-history__change">
      <p>
        <strong>{ACTION_WORDS[change.action]}</strong> <LocalTime iso={change.changedAt} /> by{' '}
        {change.userId ?? 'the system'}
        <span className="text-muted"> · change #{change.id}</span>
      </p>
      {diff.length === 0 ? (
        <p className="text-muted">No field changed</p>
      ) : (
        <div className="table-wrap">
          <table className="table row-history__diff">
            <caption className="visually-hidden">
              Fields of change #{change.id}, before and after
            </caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {diff.map((field) => (
                <tr key={field.field}>
                  <th scope="row">
                    <code>{field.field}</code>
                  </th>
                  <td className="row-history__old">
                    <del>{formatValue(field.before)}</del>
                  </td>
                  <td className="row-history__new">
                    <span aria-hidden="true">→ </span>
                    <ins>{formatValue(field.after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

/** Every recorded change of one row, newest first, each as a field-by-field diff. */
export function RowHistory({ table, rowId }: { table: string; rowId: string }) {
  const history = useRowHistory(table, rowId);
  if (history.isPending) return <Skeleton label="Loading the row history" rows={2} />;
  if (history.isError) {
    return (
      <ErrorState
        title="The row history could not be loaded"
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }
  const { items, total } = history.data;
  if (items.length === 0) {
    return <p className="text-muted">No recorded changes of this row in {table}</p>;
  }
  return (
    <>
      {total > items.length && (
        <p className="text-muted">
          The {items.length} newest of {total} changes
        </p>
      )}
      <ol className="row-history">
        {items.map((change) => (
          <ChangeDiff key={change.id} change={change} />
        ))}
      </ol>
    </>
  );
}
