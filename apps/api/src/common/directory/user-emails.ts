/**
 * The email of each account, by ID — for modules that show who acted (the audit trail's record
 * history). The users module owns the accounts and provides this; a module that needs it injects
 * `USER_EMAILS` and imports nothing of users, so modules the users module builds on (audit) can
 * use it without an import cycle. The app wires the two (app/user-emails.module.ts).
 */
export interface UserEmails {
  /** The emails of the accounts among `ids` that exist (soft-deleted ones included). */
  emailsOf(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

export const USER_EMAILS = Symbol('UserEmails');
