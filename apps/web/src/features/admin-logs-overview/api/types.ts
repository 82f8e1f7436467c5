import type { components } from '@ledgerlens/contracts';

type Schemas = components['schemas'];

export type LogStatistics = Schemas['LogStatisticsDto'];
export type LevelCounts = Schemas['LevelCountsDto'];
export type TopError = Schemas['TopErrorDto'];
