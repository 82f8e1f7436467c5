import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { type AlertRuleInput, inputOfRule } from '../rule-form';
import type { CreateSilenceInput } from '../silence-form';
import { alertKeys, invalidateRules } from './alert-keys';
import type { AlertRule, AlertRuleDetail } from './alert-queries';

const path = (id: string) => ({ params: { path: { id } } });

export function useCreateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AlertRuleInput) => unwrap(api.POST('/api/v1/monitoring/alerts', { body })),
    onSuccess: () => invalidateRules(queryClient),
  });
}

export function useReplaceRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AlertRuleInput }) =>
      unwrap(api.PUT('/api/v1/monitoring/alerts/{id}', { ...path(id), body })),
    onSuccess: () => invalidateRules(queryClient),
  });
}

/** Enables or disables a rule: the API replaces whole rules, so the rest is sent unchanged. */
export function useSetRuleEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ rule, enabled }: { rule: AlertRule; enabled: boolean }) =>
      unwrap(
        api.PUT('/api/v1/monitoring/alerts/{id}', {
          ...path(rule.id),
          body: inputOfRule(rule, { enabled }),
        }),
      ),
    onSuccess: (saved) => {
      // The switch shows the saved value at once, not the old one until the refetch lands.
      queryClient.setQueryData(alertKeys.list(), (rules: AlertRule[] | undefined) =>
        rules?.map((rule) => (rule.id === saved.id ? { ...rule, ...saved } : rule)),
      );
      queryClient.setQueryData(alertKeys.detail(saved.id), (rule: AlertRuleDetail | undefined) =>
        rule ? { ...rule, ...saved } : rule,
      );
      return invalidateRules(queryClient);
    },
  });
}

export function useDeleteRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/monitoring/alerts/{id}', path(id))),
    onSuccess: (_, id) => {
      // The deleted rule's page must not refetch into a 404 while it navigates away.
      queryClient.removeQueries({ queryKey: alertKeys.detail(id) });
      return invalidateRules(queryClient);
    },
  });
}

/** Sends a test through each of the rule's contact points; answers each one's result. */
export const useTestRule = () =>
  useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/monitoring/alerts/{id}/test', path(id))),
  });

function useSilenceMutation<Input>(mutationFn: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertKeys.silences() }),
  });
}

export const useCreateSilence = () =>
  useSilenceMutation((body: CreateSilenceInput) =>
    unwrap(api.POST('/api/v1/monitoring/alerts/silences', { body })),
  );

export const useExpireSilence = () =>
  useSilenceMutation((id: string) =>
    unwrap(api.DELETE('/api/v1/monitoring/alerts/silences/{id}', path(id))),
  );
