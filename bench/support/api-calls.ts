/** POSTs JSON to the API at `baseUrl` (`/api/v1` + `path`), as `authorization` when given. */
export async function postJson<T>(
  baseUrl: string,
  path: string,
  body: unknown,
  authorization?: string,
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface SignedUp {
  id: string;
  /** The `Authorization` header value of the new user's access token. */
  authorization: string;
}

/** Registers `<name>@example.com` and answers the user's ID and bearer authorization. */
export async function signUp(baseUrl: string, name: string): Promise<SignedUp> {
  const registered = await postJson<{ accessToken: string; user: { id: string } }>(
    baseUrl,
    '/auth/register',
    { email: `${name}@example.com`, password: 'bench-password', displayName: name },
  );
  return { id: registered.user.id, authorization: `Bearer ${registered.accessToken}` };
}
