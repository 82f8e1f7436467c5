import { ApiProperty } from '@nestjs/swagger';
import { Category, CategoryDto } from '../../categories';

/** A category some transaction uses, which may since have been deleted. */
export class CategoryInUseDto extends CategoryDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the category was deleted; null while it is live',
  })
  deletedAt: Date | null;

  static override from(category: Category): CategoryInUseDto {
    return { ...CategoryDto.from(category), deletedAt: category.deletedAt };
  }
}

export class CategoriesInUseDto {
  @ApiProperty({
    type: [CategoryInUseDto],
    description: 'Expense categories first, each kind by name',
  })
  items: CategoryInUseDto[];
}
