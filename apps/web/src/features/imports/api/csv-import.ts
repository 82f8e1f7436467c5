import type { components } from '@ledgerlens/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UploadProgress, uploadForm } from './upload-form';

export type CsvPreview = components['schemas']['CsvPreviewDto'];
export type CsvSettings = components['schemas']['CsvSettingsDto'];
export type CsvColumns = components['schemas']['CsvColumnsDto'];
export type CsvImportSummary = components['schemas']['CsvImportSummaryDto'];
export type ColumnRole = keyof CsvColumns;

/** What the user changed of the detected settings; none: the API detects everything. */
export type SettingsChoice = Partial<CsvSettings>;

/** The file and the chosen settings as the API's multipart form. */
export function formOf(file: File, choice: SettingsChoice): FormData {
  const form = new FormData();
  const { columns, ...settings } = choice;
  for (const [name, value] of Object.entries(settings)) form.append(name, String(value));
  // The columns, when chosen, are sent whole: a role left out has no column.
  for (const [role, column] of Object.entries(columns ?? {})) {
    if (column !== null) form.append(`${role}Column`, String(column));
  }
  form.append('file', file);
  return form;
}

export interface PreviewRequest {
  file: File;
  choice: SettingsChoice;
  onProgress: (progress: UploadProgress) => void;
}

export const previewCsv = ({ file, choice, onProgress }: PreviewRequest) =>
  uploadForm<CsvPreview>('/api/v1/imports/csv/preview', formOf(file, choice), onProgress);

/** A preview: no cache to change, the page keeps the answer. */
export const usePreviewCsv = () => useMutation({ mutationFn: previewCsv });

export interface ImportRequest {
  file: File;
  settings: CsvSettings;
  accountId: string;
  /** Import the good lines and list the bad ones, instead of refusing the file. */
  skipInvalidRows: boolean;
  onProgress: (progress: UploadProgress) => void;
}

/** Imports with the settings the preview showed, so what is stored is what was seen. */
export function importCsv({
  file,
  settings,
  accountId,
  skipInvalidRows,
  onProgress,
}: ImportRequest) {
  const form = formOf(file, settings);
  form.append('accountId', accountId);
  form.append('skipInvalidRows', String(skipInvalidRows));
  return uploadForm<CsvImportSummary>('/api/v1/imports/csv', form, onProgress);
}

/** The import; afterwards every cached list may hold the new transactions. */
export function useImportCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importCsv,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
