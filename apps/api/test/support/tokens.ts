import { createHmac } from 'node:crypto';

function base64urlJson(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The claims of a JWT, read without checking its signature. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

/** A JWT signed HS256 with `secret` (the test secret, or another) and claims of our choosing. */
export function forgedToken(
  claims: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const body = `${base64urlJson(header)}.${base64urlJson(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** An unsigned JWT (`alg: none`), which a verifier must never accept. */
export function unsignedToken(claims: Record<string, unknown>): string {
  return `${base64urlJson({ alg: 'none', typ: 'JWT' })}.${base64urlJson(claims)}.`;
}
