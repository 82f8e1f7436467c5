import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiConsumes,
  ApiPayloadTooLargeResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Observable, of } from 'rxjs';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { badFile } from './csv/decode-upload';
import { MAX_CSV_BYTES } from './dto/csv-import.dto';

const MEGABYTES = MAX_CSV_BYTES / 1024 / 1024;

/** The file part of a multipart upload, as multer (in memory) hands it over. */
export interface UploadedCsv {
  buffer: Buffer;
  size: number;
}

/** Reads the `file` part into memory, refusing more than one file or more than 10 MB. */
const Multer = FileInterceptor('file', { limits: { fileSize: MAX_CSV_BYTES, files: 1 } });

/** multer's refusals in the API's words, under the `file` field. */
function uploadError(error: unknown): unknown {
  if (error instanceof PayloadTooLargeException) {
    const message = `The file is larger than ${MEGABYTES} MB. Export a shorter period, or split the file, and import each part.`;
    return new PayloadTooLargeException({ message, details: { file: [message] } });
  }
  if (error instanceof HttpException) {
    return new BadRequestException({
      message: 'The upload could not be read',
      details: { file: [`${error.message}: send one CSV file in the form field named file`] },
    });
  }
  return error;
}

/** Reads the upload before the handler, answering multer's refusals with field messages. */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new Multer();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    // multer reads the body as sent: a compressed upload would be read as garbled lines.
    const encoding = context.switchToHttp().getRequest<Request>().headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      const message = `An upload cannot be sent with Content-Encoding ${encoding}: send the file as it is`;
      throw new UnsupportedMediaTypeException({ message, details: { file: [message] } });
    }
    try {
      await this.multer.intercept(context, { handle: () => of(undefined) });
    } catch (error) {
      throw uploadError(error);
    }
    return next.handle();
  }
}

/** A route taking a CSV upload in the multipart field `file`. */
export const CsvUpload = () =>
  applyDecorators(
    UseInterceptors(CsvUploadInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiPayloadTooLargeResponse({
      type: ErrorResponseDto,
      description: `The file is larger than ${MEGABYTES} MB`,
    }),
    ApiUnsupportedMediaTypeResponse({
      type: ErrorResponseDto,
      description: 'The upload was sent with a Content-Encoding (such as gzip)',
    }),
  );

/** The uploaded bytes; a request without a file is refused with a field message. */
export function bytesOf(file: UploadedCsv | undefined): Buffer {
  if (!file) throw badFile('Choose a CSV file to upload (the form field file).');
  return file.buffer;
}
