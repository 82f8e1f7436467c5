import type { components } from '@ledgerlens/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { AlertRuleInput } from '../rule-form';
import { alertKeys } from './alert-keys';

export type AlertRule = components['schemas']['AlertRuleDto'];
export type AlertRuleDetail = components['schemas']['AlertRuleDetailDto'];
export type AlertInstance = components['schemas']['AlertInstanceDto'];
export type AlertPreview = components['schemas']['AlertPreviewDto'];
export type Silence = components['schemas']['SilenceDto'];
export type ContactPoint = components['schemas']['ContactPointDto'];

export const useAlertRules = () =>
  useQuery({
    queryKey: alertKeys.list(),
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/alerts')),
  });

export const useAlertRule = (id: string) =>
  useQuery({
    queryKey: alertKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/alerts/{id}', { params: { path: { id } } })),
  });

/** Active silences: the rules they name show as silenced. */
export const useActiveSilences = () =>
  useQuery({
    queryKey: alertKeys.silences(),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/alerts/silences', { params: { query: { state: 'active' } } }),
      ),
    select: (list) => list.items,
  });

export const useContactPoints = () =>
  useQuery({
    queryKey: alertKeys.contactPoints(),
    queryFn: () => unwrap(api.GET('/api/v1/monitoring/alerts/contact-points')),
    select: (list) => list.items,
  });

/**
 * What an unsaved rule would show now. `input` null (the form cannot make a body yet) asks
 * nothing; the last answer stays on screen while the next one runs. A refused draft is an
 * answer to show, not something to retry.
 */
export const useDraftPreview = (input: AlertRuleInput | null) =>
  useQuery({
    queryKey: alertKeys.draftPreview(input as AlertRuleInput),
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/api/v1/monitoring/alerts/preview', { body: input as AlertRuleInput, signal }),
      ),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
  });
