import { accessTokenOf } from './handshake-auth';

describe('accessTokenOf', () => {
  it('reads the auth payload first, with or without "Bearer"', () => {
    expect(accessTokenOf({ auth: { token: 'abc' }, headers: {} })).toBe('abc');
    expect(accessTokenOf({ auth: { token: 'Bearer abc' }, headers: {} })).toBe('abc');
    expect(
      accessTokenOf({ auth: { token: 'abc' }, headers: { authorization: 'Bearer xyz' } }),
    ).toBe('abc');
  });

  it('falls back to an Authorization: Bearer header', () => {
    expect(accessTokenOf({ auth: {}, headers: { authorization: 'Bearer xyz' } })).toBe('xyz');
    expect(accessTokenOf({ auth: { token: '  ' }, headers: { authorization: 'Bearer xyz' } })).toBe(
      'xyz',
    );
  });

  it('finds nothing in other shapes', () => {
    expect(accessTokenOf({ auth: {}, headers: {} })).toBeUndefined();
    expect(accessTokenOf({ auth: { token: 42 }, headers: {} })).toBeUndefined();
    expect(
      accessTokenOf({ auth: {}, headers: { authorization: 'Basic dXNlcjpwdw==' } }),
    ).toBeUndefined();
  });
});
