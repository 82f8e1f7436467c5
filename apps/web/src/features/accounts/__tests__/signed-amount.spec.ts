import { signedAmount, signedCentsFromDecimal, signedDecimalFromCents } from '../signed-amount';

describe('signed amounts', () => {
  it.each([
    ['1200', 120_000],
    ['-300', -30_000],
    ['\u221212,5', -1250],
    ['- 0.07', -7],
    ['0', 0],
  ])('reads %s as %d cents', (text, cents) => {
    expect(signedCentsFromDecimal(text)).toBe(cents);
  });

  it.each(['', '-', '12.345', '1-2', '--3'])('refuses %p', (text) => {
    expect(signedCentsFromDecimal(text)).toBeNull();
    expect(signedAmount(text)).toBe('Enter an amount like 1200.50, or -300 for money owed');
  });

  it('refuses balances beyond 10^14 cents either way, and allows those within', () => {
    expect(signedAmount('-1000000000000')).toBeUndefined();
    expect(signedAmount('-1000000000000.01')).toMatch(/up to 1,000,000,000,000 either way/);
  });

  it('writes cents back with their minus', () => {
    expect(signedDecimalFromCents(-1250)).toBe('-12.50');
    expect(signedDecimalFromCents(7)).toBe('0.07');
  });
});
