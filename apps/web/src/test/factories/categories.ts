import type { components } from '@ledgerlens/contracts';

type CategoryDto = components['schemas']['CategoryDto'];
type CategoryListDto = components['schemas']['CategoryListDto'];

let sequence = 0;

/** A category as the API describes one; override what the test cares about. */
export function aCategory(overrides: Partial<CategoryDto> = {}): CategoryDto {
  sequence += 1;
  return {
    id: `00000000-0000-4000-a000-${String(sequence).padStart(12, '0')}`,
    name: `Category ${sequence}`,
    kind: 'expense',
    color: '#22c55e',
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

/** One page of categories, as `GET /api/v1/categories` answers it. */
export function aCategoryList(
  items: CategoryDto[],
  overrides: Partial<CategoryListDto> = {},
): CategoryListDto {
  return { items, total: items.length, page: 1, limit: 100, ...overrides };
}
