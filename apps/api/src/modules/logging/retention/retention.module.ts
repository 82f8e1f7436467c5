import { Module } from '@nestjs/common';

/** Retention of stored logs: day partitions made ahead, archived and dropped when expired. */
@Module({})
export class RetentionModule {}
