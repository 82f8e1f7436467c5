import type { UseMutationResult } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { nextPathFrom } from './next-path';
import { readForm } from './read-form';
import { useFocusFirstInvalid } from './use-focus-first-invalid';

/**
 * What the sign-in and register forms share: submit the named fields once (not again while
 * pending), then go to the page the user wanted; after a failure, focus the first invalid field.
 */
export function useSessionForm<Name extends string>(
  mutation: UseMutationResult<unknown, unknown, Record<Name, string>>,
  fields: readonly Name[],
) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const formRef = useFocusFirstInvalid(mutation.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    mutation.mutate(readForm(event.currentTarget, fields), {
      onSuccess: () => navigate(nextPathFrom(search), { replace: true }),
    });
  }

  return { formRef, submit, search };
}
