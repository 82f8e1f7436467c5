import type { components } from '@ledgerlens/contracts';

type Schemas = components['schemas'];

export type MetricSeries = Schemas['MetricSeriesDto'];
export type MetricPoint = Schemas['MetricPointDto'];
export type SlowRequest = Schemas['SlowRequestDto'];
export type SlowRequestPage = Schemas['SlowRequestPageDto'];
export type SlowQuery = Schemas['SlowQueryDto'];
export type SlowQueryPage = Schemas['SlowQueryPageDto'];
export type ErrorRates = Schemas['ErrorRatesDto'];
export type EndpointErrorRate = Schemas['EndpointErrorRateDto'];
export type MonitoringOverview = Schemas['MonitoringOverviewDto'];
