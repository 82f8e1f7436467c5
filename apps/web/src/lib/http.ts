export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET a JSON document; a non-2xx answer becomes an HttpError carrying the API's message. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
  if (!response.ok) throw new HttpError(response.status, body?.message ?? response.statusText);
  return body as T;
}
