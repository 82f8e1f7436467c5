/** The query parameter that carries the page to open after signing in. */
const NEXT = 'next';

const HOME = '/';

/** The sign-in page, remembering `location` (path and query) to come back to. */
export function signInPathFor(location: { pathname: string; search: string }): string {
  const intended = `${location.pathname}${location.search}`;
  return intended === HOME ? '/sign-in' : `/sign-in?${new URLSearchParams({ [NEXT]: intended })}`;
}

/**
 * Where to go after signing in. Only a path inside the app is accepted: `next` comes from the
 * address bar, and an absolute or protocol-relative URL (`//evil.example`) would be an open
 * redirect.
 */
export function nextPathFrom(search: URLSearchParams): string {
  const next = search.get(NEXT);
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return HOME;
  }
  return next;
}

/** Another public page (`/register`), passing on the same `next`. */
export function withNextOf(path: string, search: URLSearchParams): string {
  const next = search.get(NEXT);
  return next ? `${path}?${new URLSearchParams({ [NEXT]: next })}` : path;
}
