import { BadRequestException, CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FieldErrors } from '../../errors/domain-errors';
import {
  unstorableInputErrors,
  unstorablePathErrors,
  unstorableQueryErrors,
} from './storable-input';

interface RawRequest {
  originalUrl?: string;
  url?: string;
  body?: unknown;
}

/** Field messages for the URL (path and raw query) and the parsed JSON body of a request. */
export function unsafeInputErrors(request: RawRequest): FieldErrors {
  const url = request.originalUrl ?? request.url ?? '';
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
  return {
    ...unstorablePathErrors(path),
    ...(query ? unstorableQueryErrors(query) : {}),
    ...unstorableInputErrors(request.body),
  };
}

/**
 * The one edge every routed request passes before authentication, pipes and handlers: a URL,
 * query or JSON body holding text PostgreSQL cannot store (NUL, unpaired surrogates, bytes that
 * are not UTF-8), prototype keys or nesting deeper than a few dozen levels gets a 400 with field
 * messages, so no query ever sees it and nothing is stored altered. A guard rather than a
 * middleware, so the refusal is recorded under its route like any other failed request.
 */
@Injectable()
export class InputSafetyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<RawRequest>();
    const errors = unsafeInputErrors(request);
    if (Object.keys(errors).length === 0) return true;
    // The refused body is not copied into the action log: it may be the very thing that cannot be stored.
    request.body = undefined;
    throw new BadRequestException({ message: 'Validation failed', details: errors });
  }
}
