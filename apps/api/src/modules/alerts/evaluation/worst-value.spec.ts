import { CONDITION_OPERATORS } from '@ledgerlens/contracts';
import { worstValue } from './worst-value';

describe('worstValue', () => {
  it('takes the greatest for operators that fire on high (or either way)', () => {
    for (const operator of ['>', '>=', '==', '!='] as const) {
      expect(worstValue(operator, [3, 12.5, -1, 7])).toBe(12.5);
    }
  });

  it('takes the least for operators that fire on low', () => {
    for (const operator of ['<', '<='] as const) {
      expect(worstValue(operator, [3, 12.5, -1, 7])).toBe(-1);
    }
  });

  it('leaves out instances without data', () => {
    expect(worstValue('<', [null, 4, undefined, 9])).toBe(4);
    expect(worstValue('>', [undefined, 4, null, 0])).toBe(4);
    expect(worstValue('>', [0])).toBe(0);
  });

  it('is null when no instance has data', () => {
    for (const operator of CONDITION_OPERATORS) {
      expect(worstValue(operator, [])).toBeNull();
      expect(worstValue(operator, [null, undefined])).toBeNull();
    }
  });

  it('reads any iterable once', () => {
    const values = new Map([
      ['a', 2],
      ['b', 5],
    ]).values();
    expect(worstValue('>=', values)).toBe(5);
  });
});
