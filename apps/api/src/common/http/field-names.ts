/** `amount_cents` → `amountCents`: a database column as the API names the field. */
export function fieldNameOf(column: string): string {
  return column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
