import { ApiError, NetworkError } from '../../../lib/api-error';
import { sessionAccess } from '../../../lib/session-access';
import { newTraceparent } from '../../../lib/trace';

/** How much of an upload has been sent. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

interface Answer {
  status: number;
  statusText: string;
  body: unknown;
  traceId: string | null;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** One attempt, with the session's token and a fresh trace ID. */
function send(
  path: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const { traceId, traceparent } = newTraceparent();
    request.open('POST', path);
    const token = sessionAccess().accessToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('traceparent', traceparent);
    request.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.total });
    request.onload = () =>
      resolve({
        status: request.status,
        statusText: request.statusText,
        body: parsed(request.responseText),
        traceId: request.getResponseHeader('X-Trace-Id'),
      });
    request.onerror = () =>
      reject(new NetworkError(traceId, new Error('The upload did not reach the server')));
    request.send(form);
  });
}

/**
 * Posts a multipart form to the API with XMLHttpRequest, which reports how much of the body
 * has been sent (fetch does not, over HTTP/1.1). Like the API client it sends the session's
 * token and, on a 401, refreshes the session once and sends again. A non-2xx answer becomes an
 * ApiError with the API's field messages.
 */
export async function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
): Promise<T> {
  const session = sessionAccess();
  let answer = await send(path, form, onProgress);
  if (answer.status === 401 && session.canRefresh() && (await session.refresh())) {
    answer = await send(path, form, onProgress);
  }
  if (answer.status < 200 || answer.status > 299) {
    throw new ApiError(
      answer.status,
      answer.body as ConstructorParameters<typeof ApiError>[1],
      answer.statusText,
      answer.traceId,
    );
  }
  return answer.body as T;
}
