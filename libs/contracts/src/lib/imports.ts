/**
 * The date formats a bank's CSV may use, as the import's settings name them; the API's detection
 * tries them in this order and the SPA offers them in it.
 */
export const CSV_DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD-MM-YYYY',
  'YYYY/MM/DD',
  'DD.MM.YY',
  'DD/MM/YY',
  'MM/DD/YY',
] as const;
export type CsvDateFormat = (typeof CSV_DATE_FORMATS)[number];
