import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { PageOf, PaginationQueryDto } from '../../common/http/pagination.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

export class UserPageDto extends PageOf(UserDto) {}

@ApiTags('users (admin)')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserPageDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin' })
  async list(@Query() query: PaginationQueryDto): Promise<UserPageDto> {
    const [users, total] = await this.users.page(query.offset, query.limit);
    return { items: users.map(UserDto.from), total, page: query.page, limit: query.limit };
  }
}
