import { errorMessageOf, traceIdOf } from '../lib/api-error';
import { ErrorReference } from './ErrorReference';

/**
 * What went wrong, in words (the error's own message unless `message` says it better), ending
 * with the failed request's reference: "The server could not be reached. Reference: 4bf92f35".
 */
export function ErrorMessage({ error, message }: { error: unknown; message?: string }) {
  return (
    <>
      {message ?? errorMessageOf(error)} <ErrorReference traceId={traceIdOf(error)} />
    </>
  );
}
