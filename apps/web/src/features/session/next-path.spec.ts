import { nextPathFrom, signInPathFor, withNextOf } from './next-path';

describe('next path', () => {
  it('remembers the intended page with its query when sending to sign-in', () => {
    expect(signInPathFor({ pathname: '/transactions', search: '?from=2026-11-01' })).toBe(
      '/sign-in?next=%2Ftransactions%3Ffrom%3D2026-11-01',
    );
    expect(signInPathFor({ pathname: '/', search: '' })).toBe('/sign-in');
  });

  it('returns to paths inside the app only', () => {
    const next = (value: string) => nextPathFrom(new URLSearchParams({ next: value }));
    expect(next('/transactions?from=2026-11-01')).toBe('/transactions?from=2026-11-01');
    expect(next('//evil.example/phish')).toBe('/');
    expect(next('/\\evil.example')).toBe('/');
    expect(next('https://evil.example')).toBe('/');
    expect(nextPathFrom(new URLSearchParams())).toBe('/');
  });

  it('passes `next` on to another public page', () => {
    expect(withNextOf('/register', new URLSearchParams('next=/budgets'))).toBe(
      '/register?next=%2Fbudgets',
    );
    expect(withNextOf('/register', new URLSearchParams())).toBe('/register');
  });
});
