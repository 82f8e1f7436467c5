/** Registers a fresh user on a running API; returns its ID and access token. */
export async function signUp(
  baseUrl: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: `${name}-${Date.now()}@example.com`,
      password: 'correct horse battery',
      displayName: name,
    }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}`);
  const session = (await response.json()) as { accessToken: string; user: { id: string } };
  return { id: session.user.id, token: session.accessToken };
}
