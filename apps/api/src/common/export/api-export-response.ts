import { ApiOkResponse } from '@nestjs/swagger';
import { EXPORT_CONTENT_TYPES, ExportFormat } from './export-stream';

/**
 * A 200 answering a file in one of `formats` (documented as opaque bytes), sent as an
 * attachment with its file name in `Content-Disposition`.
 */
export const ApiExportResponse = (description: string, formats: readonly ExportFormat[]) =>
  ApiOkResponse({
    description,
    content: Object.fromEntries(
      formats.map((format) => [
        EXPORT_CONTENT_TYPES[format],
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  });
