import { type RefObject, useEffect, useState } from 'react';
import { type FieldMessages, type FormFields, refusalOf } from '../lib/field-errors';

interface Shown<Name extends string> {
  fields: FieldMessages<Name>;
  /** The failed request the form's message is about (its reference shows with it), else null. */
  error: unknown;
  message: string | undefined;
  /** Failed submits so far: each moves focus to the first field marked invalid. */
  failures: number;
}

/**
 * A form's messages, in its own words: its checks' before anything is sent, a refused save's
 * after (the API's field messages beside the fields that edit them, worded after their labels).
 * Each failed submit moves focus to the first invalid field of the form `formRef` points at.
 * Give each field `errorOf(name)` and put `<FormError {...banner} />` first in the form.
 * `describe` words what the form knows better than the API (a 401 at sign-in).
 */
export function useFormErrors<Name extends string>(
  fields: FormFields<Name>,
  formRef: RefObject<HTMLFormElement | null>,
  describe?: (error: unknown) => string | undefined,
) {
  const [shown, setShown] = useState<Shown<Name>>({
    fields: {},
    error: null,
    message: undefined,
    failures: 0,
  });

  useEffect(() => {
    if (shown.failures > 0) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [formRef, shown.failures]);

  return {
    errorOf: (name: Name): string | undefined => shown.fields[name],
    banner: { error: shown.error, message: shown.message },
    /** Shows the form's own `problems`; true when there are none, and the form may be sent. */
    accepts(problems: FieldMessages<Name>): boolean {
      const accepted = Object.keys(problems).length === 0;
      setShown(({ failures }) => ({
        fields: problems,
        error: null,
        message: undefined,
        failures: accepted ? failures : failures + 1,
      }));
      return accepted;
    },
    /** Shows why the API refused the save. */
    refuse(error: unknown): void {
      const refusal = refusalOf(error, fields);
      setShown(({ failures }) => ({
        fields: refusal.fields,
        error,
        message: describe?.(error) ?? refusal.form,
        failures: failures + 1,
      }));
    },
  };
}
