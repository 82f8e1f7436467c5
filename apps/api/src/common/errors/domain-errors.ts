/** Field name → messages about it, as returned in an error body's `details`. */
export type FieldErrors = Record<string, string[]>;

/**
 * An error the domain raises on purpose. Each kind carries its HTTP status, so the mapping to
 * HTTP lives here and in the exception filter, not in services.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;

  constructor(
    message: string,
    readonly details?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

/** Well-formed input that breaks a business rule. */
export class BusinessRuleError extends DomainError {
  readonly status = 422;
}

export class AuthenticationError extends DomainError {
  readonly status = 401;
}

export class PermissionError extends DomainError {
  readonly status = 403;
}

/** Well-formed input that cannot be served as asked (e.g. a range the wrong way round). */
export class InvalidRequestError extends DomainError {
  readonly status = 400;
}

export class DependencyUnavailableError extends DomainError {
  readonly status = 503;
}
