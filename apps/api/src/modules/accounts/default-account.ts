/**
 * The account entries in the currency `placeholder` stands for (`$5`, `:currency`) go to when none is named, as a subquery of the current
 * user's accounts (under Row-Level Security): the oldest open one in that currency — of accounts
 * opened together, a checking account first, then by name — so the choice never depends on
 * chance.
 */
export function defaultAccountIdSql(placeholder: string): string {
  return `(SELECT d.id FROM accounts d
           WHERE d.currency = ${placeholder}::varchar AND NOT d.archived AND d.deleted_at IS NULL
           ORDER BY d.created_at, d.kind <> 'checking', lower(d.name), d.id LIMIT 1)`;
}
