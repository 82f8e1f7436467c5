import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { GetById, IdParam, PatchById, SoftDeleteById } from '../../common/http/resource-routes';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { CategoriesService } from './categories.service';
import {
  CategoryDto,
  CategoryListDto,
  CreateCategoryDto,
  UpdateCategoryDto,
} from './dto/category.dto';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Post()
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Name already used by this user' })
  create(@Body() body: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(body);
  }

  @Get()
  @ApiOkResponse({ type: CategoryListDto })
  list(@Query() query: PaginationQueryDto): Promise<CategoryListDto> {
    return this.categories.list(query);
  }

  @GetById(CategoryDto)
  get(@IdParam() id: string): Promise<CategoryDto> {
    return this.categories.get(id);
  }

  @PatchById(CategoryDto)
  @ApiConflictResponse({ type: ErrorResponseDto })
  update(@IdParam() id: string, @Body() body: UpdateCategoryDto): Promise<CategoryDto> {
    return this.categories.update(id, body);
  }

  @SoftDeleteById()
  remove(@IdParam() id: string): Promise<void> {
    return this.categories.remove(id);
  }
}
