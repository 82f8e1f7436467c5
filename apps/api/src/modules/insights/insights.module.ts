import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories';
import { InsightsController } from './insights.controller';
import { InsightsService } from './insights.service';
import { InsightsStore } from './insights.store';

@Module({
  imports: [CategoriesModule],
  controllers: [InsightsController],
  providers: [InsightsService, InsightsStore],
})
export class InsightsModule {}
