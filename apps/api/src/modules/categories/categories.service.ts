import { Injectable } from '@nestjs/common';
import { EntityManager, In, Raw } from 'typeorm';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors';
import { translateConstraintError } from '../../common/errors/postgres-errors';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { softDeleteLive, updateLive } from '../../database/live-rows';
import { UserContext } from '../../database/user-context';
import { Category } from './category.entity';
import {
  CategoryDto,
  CategoryListDto,
  CreateCategoryDto,
  UpdateCategoryDto,
} from './dto/category.dto';

const categoryNotFound = (id: string) =>
  new NotFoundError(`Category ${id} not found`, { categoryId: ['category not found'] });

function nameTaken(name: string | undefined) {
  return () =>
    new ConflictError(`A category named '${name}' already exists`, {
      name: [`a category named '${name}' already exists`],
    });
}

/** A user's categories. Every query runs in the user's RLS context, so only their rows exist. */
@Injectable()
export class CategoriesService {
  constructor(private readonly userContext: UserContext) {}

  list(query: PaginationQueryDto): Promise<CategoryListDto> {
    return this.userContext.run(async (manager) => {
      const [rows, total] = await manager.findAndCount(Category, {
        order: { kind: 'ASC', name: 'ASC', id: 'ASC' },
        skip: query.offset,
        take: query.limit,
      });
      return { items: rows.map(CategoryDto.from), total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<CategoryDto> {
    return this.userContext.run(async (manager) => CategoryDto.from(await this.find(manager, id)));
  }

  create(input: CreateCategoryDto): Promise<CategoryDto> {
    return this.userContext
      .run(async (manager) => {
        const saved = await manager.save(manager.create(Category, input));
        return CategoryDto.from(await this.find(manager, saved.id));
      })
      .catch((error) =>
        translateConstraintError(error, { uq_categories_user_name: nameTaken(input.name) }),
      );
  }

  update(id: string, changes: UpdateCategoryDto): Promise<CategoryDto> {
    return this.userContext
      .run(async (manager) => {
        await updateLive(manager, Category, id, changes, () => categoryNotFound(id));
        return CategoryDto.from(await this.find(manager, id));
      })
      .catch((error) =>
        translateConstraintError(error, { uq_categories_user_name: nameTaken(changes.name) }),
      );
  }

  remove(id: string): Promise<void> {
    return this.userContext.run(async (manager) => {
      await softDeleteLive(manager, Category, id, () => categoryNotFound(id));
    });
  }

  /**
   * Several categories at once, inside the caller's open transaction and user context (the demo
   * data); answers them in the same order.
   */
  async createAll(manager: EntityManager, inputs: CreateCategoryDto[]): Promise<CategoryDto[]> {
    const saved = await manager.save(inputs.map((input) => manager.create(Category, input)));
    return saved.map(CategoryDto.from);
  }

  /**
   * Categories of the current user by ID, inside their open transaction, deleted ones too: they
   * still label their old transactions. Expense categories first, each kind by name; one query,
   * none for no IDs.
   */
  async findWithDeleted(manager: EntityManager, ids: readonly string[]): Promise<Category[]> {
    if (ids.length === 0) return [];
    return manager.find(Category, {
      where: { id: In([...ids]) },
      order: { kind: 'ASC', name: 'ASC', id: 'ASC' },
      withDeleted: true,
    });
  }

  /**
   * The current user's live categories with any of these names, case-insensitively, inside
   * their open transaction (an import's category column); one query, none for no names.
   */
  async findByNames(manager: EntityManager, names: readonly string[]): Promise<Category[]> {
    const lowered = [...new Set(names.map((name) => name.toLowerCase()))];
    if (lowered.length === 0) return [];
    return manager.findBy(Category, {
      name: Raw((column) => `lower(${column}) = ANY(:lowered)`, { lowered }),
    });
  }

  /** A live category of the current user, inside their open transaction; NotFound otherwise. */
  async find(manager: EntityManager, id: string): Promise<Category> {
    const category = await manager.findOneBy(Category, { id });
    if (!category) throw categoryNotFound(id);
    return category;
  }
}
