/**
 * The values of a form's named text fields. (Not `new FormData(form)`: the fields are read by
 * name either way, and this also works where FormData cannot take a form element, as in tests.)
 */
export function readForm<Name extends string>(
  form: HTMLFormElement,
  names: readonly Name[],
): Record<Name, string> {
  const field = (name: Name) => form.elements.namedItem(name) as HTMLInputElement | null;
  return Object.fromEntries(names.map((name) => [name, field(name)?.value ?? ''])) as Record<
    Name,
    string
  >;
}
