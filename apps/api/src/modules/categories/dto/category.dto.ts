import { PageOf } from '../../../common/http/pagination.dto';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trim } from '../../../common/http/transforms';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Category, CategoryKind } from '../category.entity';

export class CreateCategoryDto {
  @ApiProperty({ example: 'Groceries', maxLength: 60 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(60)
  name: string;

  @ApiProperty({ enum: ['expense', 'income'] })
  @IsIn(['expense', 'income'], { message: 'kind must be expense or income' })
  kind: CategoryKind;

  @ApiProperty({ example: '#22c55e', required: false, default: '#64748b', maxLength: 7 })
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'color must be a hex colour like #22c55e' })
  color?: string;
}

export class UpdateCategoryDto extends PartialType(CreateCategoryDto) {}

export class CategoryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['expense', 'income'] })
  kind: CategoryKind;

  @ApiProperty({ example: '#22c55e' })
  color: string;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;

  static from(category: Category): CategoryDto {
    return {
      id: category.id,
      name: category.name,
      kind: category.kind,
      color: category.color,
      createdAt: category.createdAt,
      updatedAt: category.updatedAt,
    };
  }
}

export class CategoryListDto extends PageOf(CategoryDto) {}
