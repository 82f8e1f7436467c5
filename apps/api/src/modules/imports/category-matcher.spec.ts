import { categoryMatcher } from './category-matcher';

describe('categoryMatcher', () => {
  const match = categoryMatcher([
    { id: 'food', name: 'Lebensmittel', kind: 'expense' },
    { id: 'salary', name: 'Gehalt', kind: 'income' },
  ]);

  it('finds a category by name, whatever its case', () => {
    expect(match({ categoryName: 'LEBENSMITTEL', type: 'expense' })).toBe('food');
    expect(match({ categoryName: 'gehalt', type: 'income' })).toBe('salary');
  });

  it('leaves a row without a category when the name is unknown, missing or of the other kind', () => {
    expect(match({ categoryName: 'Reisen', type: 'expense' })).toBeNull();
    expect(match({ categoryName: null, type: 'expense' })).toBeNull();
    expect(match({ categoryName: 'Gehalt', type: 'expense' })).toBeNull();
  });
});
