import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/http';

export interface Health {
  status: 'ok' | 'error';
  info?: Record<string, { status: string }>;
}

export const getHealth = () => getJson<Health>('/api/v1/health');

export const healthQueryOptions = () => queryOptions({ queryKey: ['health'], queryFn: getHealth });

export const useHealth = () => useQuery(healthQueryOptions());
