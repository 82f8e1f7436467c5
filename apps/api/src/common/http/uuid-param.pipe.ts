import { ArgumentMetadata, BadRequestException, Injectable, ParseUUIDPipe } from '@nestjs/common';

/** A UUID path parameter: anything else is a 400 naming the parameter, like any field message. */
@Injectable()
export class UuidParamPipe extends ParseUUIDPipe {
  override async transform(
    value: string,
    metadata: ArgumentMetadata,
  ): ReturnType<ParseUUIDPipe['transform']> {
    try {
      return await super.transform(value, metadata);
    } catch {
      const name = metadata.data ?? 'id';
      throw new BadRequestException({
        message: 'Validation failed',
        details: { [name]: [`${name} must be a UUID`] },
      });
    }
  }
}
