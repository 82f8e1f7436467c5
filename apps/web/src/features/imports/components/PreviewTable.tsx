import { formatDay, formatSignedMoney } from '../../../ui';
import type { CsvPreview } from '../api/csv-import';

/** An amount with its sign; in the account's currency once one is chosen. */
export function signedAmount(cents: number, currency: string | undefined): string {
  if (currency) return formatSignedMoney(cents, currency);
  return `${cents < 0 ? '−' : '+'}${(Math.abs(cents) / 100).toFixed(2)}`;
}

/** The first rows as they will be stored, and the lines that cannot be. */
export function PreviewTable({
  preview,
  currency,
}: {
  preview: CsvPreview;
  currency: string | undefined;
}) {
  return (
    <>
      {/* Five columns scroll sideways on a phone: the keyboard can scroll them too. */}
      <div className="table-scroll" role="region" aria-label="Preview table" tabIndex={0}>
        <table className="import-preview">
          <caption>
            The first {preview.rows.length} of {preview.totalRows} lines, as they will be stored
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Date</th>
              <th scope="col">Description</th>
              <th scope="col">Category</th>
              <th scope="col" className="amount">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <td>{formatDay(row.occurredOn)}</td>
                <td>{row.description}</td>
                <td>
                  {row.categoryName === null
                    ? '—'
                    : row.categoryId
                      ? row.categoryName
                      : `${row.categoryName} (unknown category, left uncategorised)`}
                </td>
                <td className="amount">
                  {signedAmount(
                    row.type === 'expense' ? -row.amountCents : row.amountCents,
                    currency,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.refusedCount > 0 && (
        <section aria-labelledby="import-refused" className="import-refused">
          <h3 id="import-refused">
            {preview.refusedCount} {preview.refusedCount === 1 ? 'line' : 'lines'} cannot be
            imported
          </h3>
          <ul>
            {preview.refused.map((line) => (
              <li key={line.line}>
                Line {line.line}: {line.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
