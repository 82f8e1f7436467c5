/** The categories module's public entry: what code outside the module uses of it. */
export { CategoriesModule } from './categories.module';
export { CategoriesService } from './categories.service';
export { Category } from './category.entity';
export type { CategoryKind } from './category.entity';
export { CategoryDto } from './dto/category.dto';
