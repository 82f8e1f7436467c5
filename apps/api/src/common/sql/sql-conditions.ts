/**
 * A WHERE clause built up condition by condition, with its values as numbered parameters
 * (`param` also binds values used elsewhere in the statement). Conditions made `with` others
 * number their parameters on from theirs: several WHERE clauses of one statement.
 */
export class SqlConditions {
  readonly params: unknown[];
  private readonly clauses: string[] = [];

  constructor(statement?: SqlConditions) {
    this.params = statement?.params ?? [];
  }

  /** The placeholder (`$n`) of a new parameter. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  and(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** The WHERE clause of every condition so far, plus `extra` ones for this use only. */
  where(...extra: string[]): string {
    const clauses = [...this.clauses, ...extra];
    return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  }
}
