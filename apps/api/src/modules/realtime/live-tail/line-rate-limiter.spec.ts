import { LineRateLimiter } from './line-rate-limiter';

describe('LineRateLimiter', () => {
  it('lets the first lines of a window through and counts the rest', () => {
    const limiter = new LineRateLimiter(3);
    const taken = Array.from({ length: 5 }, () => limiter.tryTake(1000));
    expect(taken).toEqual([true, true, true, false, false]);
    expect(limiter.takeRefused()).toBe(2);
    expect(limiter.takeRefused()).toBe(0);
  });

  it('starts a new window with the first line after the last one ended', () => {
    const limiter = new LineRateLimiter(2);
    expect([limiter.tryTake(0), limiter.tryTake(10), limiter.tryTake(999)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limiter.windowEndsAt).toBe(1000);
    expect(limiter.tryTake(1000)).toBe(true);
    expect(limiter.windowEndsAt).toBe(2000);
    // An idle stretch: the next window starts with the next line, not on a fixed grid.
    expect(limiter.tryTake(5500)).toBe(true);
    expect(limiter.windowEndsAt).toBe(6500);
    expect(limiter.takeRefused()).toBe(1);
  });
});
