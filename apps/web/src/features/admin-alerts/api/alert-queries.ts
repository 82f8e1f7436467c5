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

/** The hours of measured values the charts show (sparklines, the preview, a rule's page). */
export const CHART_HOURS = 6;
/** Points per sparkline: one every 15 minutes over 6 hours. */
const SPARKLINE_POINTS = 24;

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

/** What every rule measured over the last hours, one small line per rule. */
export const useRuleSeries = () =>
  useQuery({
    queryKey: alertKeys.series(CHART_HOURS),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/monitoring/alerts/series', {
          params: { query: { hours: CHART_HOURS, points: SPARKLINE_POINTS } },
        }),
      ),
    select: (series) => new Map(series.rules.map((rule) => [rule.ruleId, rule.points])),
  });

/** A saved rule evaluated now, with what it measured over the last hours, nothing notified. */
export const useSavedPreview = (id: string) =>
  useQuery({
    queryKey: alertKeys.savedPreview(id, CHART_HOURS),
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/monitoring/alerts/{id}/preview', {
          params: { path: { id }, query: { hours: CHART_HOURS } },
        }),
      ),
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
    queryKey: alertKeys.draftPreview(input as AlertRuleInput, CHART_HOURS),
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/api/v1/monitoring/alerts/preview', {
          params: { query: { hours: CHART_HOURS } },
          body: input as AlertRuleInput,
          signal,
        }),
      ),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 0,
  });
