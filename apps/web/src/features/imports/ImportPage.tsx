import { useState } from 'react';
import { ApiError } from '../../lib/api-error';
import { EmptyState, ErrorState, FormError, PageHeader, SelectField, Skeleton } from '../../ui';
import {
  type CsvImportSummary,
  type CsvPreview,
  type SettingsChoice,
  useImportCsv,
  usePreviewCsv,
} from './api/csv-import';
import { useOpenAccounts } from '../../entities/accounts';
import type { UploadProgress as Progress } from './api/upload-form';
import { FilePicker, MAX_FILE_BYTES } from './components/FilePicker';
import { ImportSummary } from './components/ImportSummary';
import { PreviewTable } from './components/PreviewTable';
import { SettingsForm } from './components/SettingsForm';
import { UploadProgress } from './components/UploadProgress';
import './imports.css';

/** Why a file cannot be read, in the API's words: its field messages, else its message. */
function problemsOf(error: unknown): string[] {
  if (error instanceof ApiError) {
    const messages = Object.values(error.details).flat();
    return messages.length > 0 ? messages : [error.message];
  }
  return [error instanceof Error ? error.message : String(error)];
}

/**
 * Importing a bank's CSV: choose the file, check the preview (and change how the file is read),
 * choose the account, import, read the summary.
 */
export function ImportPage() {
  const accounts = useOpenAccounts();
  const previewing = usePreviewCsv();
  const importing = useImportCsv();
  const [file, setFile] = useState<File | null>(null);
  const [choice, setChoice] = useState<SettingsChoice>({});
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [accountId, setAccountId] = useState('');
  const [skipInvalidRows, setSkipInvalidRows] = useState(false);
  const [summary, setSummary] = useState<CsvImportSummary | null>(null);
  const account = accounts.data?.find((open) => open.id === accountId) ?? accounts.data?.[0];
  const busy = previewing.isPending || importing.isPending;

  const read = (chosen: File, nextChoice: SettingsChoice) => {
    setProblems([]);
    importing.reset();
    setProgress({ loaded: 0, total: chosen.size });
    previewing.mutate(
      { file: chosen, choice: nextChoice, onProgress: setProgress },
      {
        onSuccess: setPreview,
        onError: (error) => {
          setPreview(null);
          setProblems(problemsOf(error));
        },
        onSettled: () => setProgress(null),
      },
    );
  };
  const choose = (chosen: File) => {
    setFile(chosen);
    setChoice({});
    setSummary(null);
    if (chosen.size > MAX_FILE_BYTES) {
      setPreview(null);
      setProblems([
        'The file is larger than 10 MB. Export a shorter period, or split the file, and import each part.',
      ]);
      return;
    }
    read(chosen, {});
  };
  const change = (changed: SettingsChoice) => {
    const next = { ...choice, ...changed };
    setChoice(next);
    if (file) read(file, next);
  };
  const start = () => {
    if (!file || !preview || !account) return;
    setProgress({ loaded: 0, total: file.size });
    importing.mutate(
      {
        file,
        settings: preview.settings,
        accountId: account.id,
        skipInvalidRows,
        onProgress: setProgress,
      },
      { onSuccess: setSummary, onSettled: () => setProgress(null) },
    );
  };
  const restart = () => {
    setFile(null);
    setPreview(null);
    setSummary(null);
    importing.reset();
  };

  let content;
  if (accounts.error) {
    content = (
      <ErrorState
        title="Your accounts could not be loaded"
        error={accounts.error}
        onRetry={() => void accounts.refetch()}
      />
    );
  } else if (!accounts.data) {
    content = <Skeleton label="Loading your accounts" rows={3} />;
  } else if (summary) {
    content = (
      <ImportSummary summary={summary} accountName={account?.name ?? ''} onAnother={restart} />
    );
  } else {
    const ambiguous = (preview?.ambiguousDateFormats.length ?? 0) > 0;
    content = (
      <>
        <FilePicker
          key={file ? 'chosen' : 'none'}
          problems={problems}
          disabled={busy}
          onChoose={choose}
        />
        {progress && (
          <UploadProgress
            progress={progress}
            working={importing.isPending ? 'Importing…' : 'Reading the file…'}
          />
        )}
        {preview && (
          <div className="import-preview-layout">
            <SettingsForm preview={preview} disabled={busy} onChange={change} />
            <section aria-labelledby="import-preview" className="import-preview-section">
              <h2 id="import-preview">Preview</h2>
              <PreviewTable preview={preview} currency={account?.currency} />
              {accounts.data.length === 0 ? (
                <EmptyState title="No account to import into">
                  <p>Create an account first; its transactions are then imported into it.</p>
                </EmptyState>
              ) : (
                <div className="import-actions">
                  <SelectField
                    label="Import into account"
                    value={account?.id ?? ''}
                    disabled={busy}
                    onChange={(event) => setAccountId(event.target.value)}
                  >
                    {accounts.data.map((open) => (
                      <option key={open.id} value={open.id}>
                        {open.name} ({open.currency})
                      </option>
                    ))}
                  </SelectField>
                  {preview.refusedCount > 0 && (
                    <div className="field field--checkbox">
                      <label>
                        <input
                          type="checkbox"
                          checked={skipInvalidRows}
                          onChange={(event) => setSkipInvalidRows(event.target.checked)}
                        />{' '}
                        Skip the lines that cannot be imported
                      </label>
                    </div>
                  )}
                  <FormError error={importing.error} />
                  {importing.error instanceof ApiError &&
                    Object.keys(importing.error.details).length > 0 && (
                      <ul className="import-errors">
                        {Object.entries(importing.error.details).map(([field, messages]) => (
                          <li key={field}>
                            {field.replace(/^line/, 'Line')}: {messages.join('; ')}
                          </li>
                        ))}
                      </ul>
                    )}
                  <button
                    type="button"
                    className="button"
                    disabled={busy || ambiguous}
                    onClick={start}
                  >
                    {importing.isPending
                      ? 'Importing…'
                      : `Import ${preview.totalRows - preview.refusedCount} lines`}
                  </button>
                </div>
              )}
            </section>
          </div>
        )}
      </>
    );
  }

  return (
    <section className="import-page">
      <PageHeader title="Import" />
      {content}
    </section>
  );
}
