import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { CategorySpendingDto } from './dto/category-spending.dto';
import { MonthRangeQueryDto } from './dto/insights-query.dto';
import { MonthlyTotalsDto } from './dto/monthly-totals.dto';
import { InsightsService } from './insights.service';

@ApiTags('insights')
@ApiBearerAuth()
@ApiBadRequestResponse({
  type: ErrorResponseDto,
  description: 'Invalid months, or a range the wrong way round or longer than 60 months',
})
@Controller('insights')
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Get('months')
  @ApiOkResponse({
    type: MonthlyTotalsDto,
    description: 'Income and spending per currency and month',
  })
  months(@Query() query: MonthRangeQueryDto): Promise<MonthlyTotalsDto> {
    return this.insights.monthlyTotals(query);
  }

  @Get('categories')
  @ApiOkResponse({
    type: CategorySpendingDto,
    description: 'Spending per currency, category and month',
  })
  categories(@Query() query: MonthRangeQueryDto): Promise<CategorySpendingDto> {
    return this.insights.categorySpending(query);
  }
}
