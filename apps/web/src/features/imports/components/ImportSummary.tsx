import { Link } from 'react-router';
import type { CsvImportSummary } from '../api/csv-import';

const lines = (count: number) => `${count} ${count === 1 ? 'line' : 'lines'}`;

/** What the import did: stored, skipped as duplicates, skipped as invalid. */
export function ImportSummary({
  summary,
  accountName,
  onAnother,
}: {
  summary: CsvImportSummary;
  accountName: string;
  onAnother(): void;
}) {
  const { imported, duplicates, refused } = summary;
  return (
    <section aria-labelledby="import-summary" className="import-summary">
      <h2 id="import-summary" tabIndex={-1}>
        Imported {imported} {imported === 1 ? 'transaction' : 'transactions'} into {accountName}
      </h2>
      <dl>
        <dt>Imported</dt>
        <dd>{imported}</dd>
        <dt>Duplicates skipped</dt>
        <dd>{duplicates.length}</dd>
        <dt>Invalid lines skipped</dt>
        <dd>{refused.length}</dd>
      </dl>
      {duplicates.length > 0 && (
        <>
          <h3>
            {lines(duplicates.length)} skipped as{' '}
            {duplicates.length === 1 ? 'a duplicate' : 'duplicates'}
          </h3>
          <ul>
            {duplicates.map((duplicate) => (
              <li key={duplicate.line}>
                Line {duplicate.line}:{' '}
                {duplicate.ofLine === null
                  ? 'already stored in the account'
                  : `repeats line ${duplicate.ofLine}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {refused.length > 0 && (
        <>
          <h3>{lines(refused.length)} skipped as invalid</h3>
          <ul>
            {refused.map((line) => (
              <li key={line.line}>
                Line {line.line}: {line.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="import-summary__actions">
        <Link className="button" to="/transactions">
          See the transactions
        </Link>
        <button type="button" className="button button--ghost" onClick={onAnother}>
          Import another file
        </button>
      </p>
    </section>
  );
}
