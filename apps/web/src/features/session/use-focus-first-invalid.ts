import { useEffect, useRef } from 'react';

/**
 * Moves focus to the first field marked invalid after a failed submit, so keyboard and screen
 * reader users land on what needs fixing. Attach the returned ref to the form.
 */
export function useFocusFirstInvalid(error: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!error) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  return formRef;
}
