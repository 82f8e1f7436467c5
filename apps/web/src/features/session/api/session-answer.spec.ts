import { retryAfterSeconds } from './session-answer';

describe('retryAfterSeconds', () => {
  it("reads the API limiter's named header and the standard one", () => {
    expect(retryAfterSeconds(new Headers({ 'Retry-After-auth': '42' }))).toBe(42);
    expect(retryAfterSeconds(new Headers({ 'Retry-After': '7' }))).toBe(7);
    expect(retryAfterSeconds(new Headers({ 'Retry-After': '1.2' }))).toBe(2);
  });

  it('ignores what it cannot read as seconds rather than guess', () => {
    expect(retryAfterSeconds(new Headers())).toBeNull();
    expect(
      retryAfterSeconds(new Headers({ 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' })),
    ).toBeNull();
    expect(retryAfterSeconds(new Headers({ 'Retry-After': '' }))).toBeNull();
  });
});
