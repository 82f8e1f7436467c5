import type { UseMutationResult } from '@tanstack/react-query';
import { type FormEvent, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { FormFields } from '../../lib/field-errors';
import { firstProblems, type Validator } from '../../lib/validators';
import { useFormErrors } from '../../ui';
import { sessionRefusalOf } from './auth-errors';
import { nextPathFrom } from './next-path';
import { readForm } from './read-form';

/**
 * What the sign-in and register forms share: check the named fields, then submit them once (not
 * again while pending) and go to the page the user wanted. Problems show beside the fields with
 * focus on the first, before sending or after the API refused.
 */
export function useSessionForm<Name extends string>(
  mutation: UseMutationResult<unknown, unknown, Record<Name, string>>,
  fields: FormFields<Name>,
  validators: Record<Name, readonly Validator[]>,
) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useFormErrors(fields, formRef, sessionRefusalOf);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const values = readForm(event.currentTarget, Object.keys(fields) as Name[]);
    if (!form.accepts(firstProblems(values, validators))) return;
    mutation.mutate(values, {
      onSuccess: () => void navigate(nextPathFrom(search), { replace: true }),
      onError: form.refuse,
    });
  }

  return { formRef, form, submit, search };
}
