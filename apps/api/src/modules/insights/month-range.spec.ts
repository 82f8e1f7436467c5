import { InvalidRequestError } from '../../common/errors/domain-errors';
import { checkedMonths } from './month-range';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof InvalidRequestError ? error.details : error;
  }
  throw new Error('not refused');
};

describe('checkedMonths', () => {
  it('passes a range of one to sixty months', () => {
    const one = { from: '2026-11', to: '2026-11', span: 1 };
    const sixty = { from: '2021-12', to: '2026-11', span: 60 };
    expect(checkedMonths({}, one)).toBe(one);
    expect(checkedMonths({ from: '2021-12', to: '2026-11' }, sixty)).toBe(sixty);
  });

  it('refuses a range the wrong way round, naming what from was compared with', () => {
    expect(
      refusal(() =>
        checkedMonths(
          { from: '2026-12', to: '2026-11' },
          { from: '2026-12', to: '2026-11', span: 0 },
        ),
      ),
    ).toEqual({ from: ['from must not be after to'] });
    expect(
      refusal(() =>
        checkedMonths({ from: '2027-01' }, { from: '2027-01', to: '2026-11', span: -1 }),
      ),
    ).toEqual({ from: ['from must not be after the current month'] });
  });

  it('refuses more than sixty months', () => {
    expect(
      refusal(() =>
        checkedMonths(
          { from: '2021-11', to: '2026-11' },
          { from: '2021-11', to: '2026-11', span: 61 },
        ),
      ),
    ).toEqual({ from: ['from must be at most 59 months before to'] });
  });
});
