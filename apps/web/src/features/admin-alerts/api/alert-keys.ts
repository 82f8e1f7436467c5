import type { QueryClient } from '@tanstack/react-query';
import type { AlertRuleInput } from '../rule-form';

const all = ['admin-alerts'] as const;
const rules = [...all, 'rules'] as const;

export const alertKeys = {
  all,
  /** Everything that shows a rule's state: the list, each rule, the series, saved previews. */
  rules,
  list: () => [...rules, 'list'] as const,
  detail: (id: string) => [...rules, 'detail', id] as const,
  series: (hours: number) => [...rules, 'series', hours] as const,
  savedPreview: (id: string, hours: number) => [...rules, 'preview', id, hours] as const,
  silences: () => [...all, 'silences'] as const,
  contactPoints: () => [...all, 'contact-points'] as const,
  /** A draft's preview is about the form, not stored rules: a state change does not refetch it. */
  draftPreview: (input: AlertRuleInput, hours: number) =>
    [...all, 'draft-preview', input, hours] as const,
};

/** A rule changed (saved, toggled, deleted, or its state moved): every view of rules refetches. */
export const invalidateRules = (queryClient: QueryClient): Promise<void> =>
  queryClient.invalidateQueries({ queryKey: alertKeys.rules });
