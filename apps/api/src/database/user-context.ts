import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../common/context/request-context';
import { AuthenticationError } from '../common/errors/domain-errors';

/** The role user-facing queries run as: owns nothing, cannot bypass Row-Level Security. */
export const APP_ROLE = 'ledgerlens_app';

/**
 * Runs work for one user inside one transaction that sets `app.current_user_id` and
 * `app.trace_id` (transaction-local, so nothing leaks to the pooled connection's next user) and
 * switches to the application role, so PostgreSQL itself filters rows by owner.
 */
@Injectable()
export class UserContext {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requestContext: RequestContext,
  ) {}

  /** As the current request's user. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const actor = this.requestContext.actor;
    if (!actor) throw new AuthenticationError('This needs a signed-in user');
    return this.runAs(actor.id, work);
  }

  /** As the given user, e.g. a job acting for a user. */
  runAs<T>(userId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => this.enter(manager, userId, work));
  }

  /**
   * As the system (no user, no Row-Level Security), in one transaction that still carries the
   * request's trace ID, so the row history ties the change to its request (e.g. a registration).
   */
  runAsSystem<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await this.setContext(manager, '');
      return work(manager);
    });
  }

  /**
   * As the current request's user on admin-only tables (no Row-Level Security, no rights for the
   * application role): the owner's rights, but the row history names the admin and the request.
   */
  runAsAdmin<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const actor = this.requestContext.actor;
    if (!actor) throw new AuthenticationError('This needs a signed-in user');
    return this.dataSource.transaction(async (manager) => {
      await this.setContext(manager, actor.id);
      return work(manager);
    });
  }

  /** Switches an open transaction to the given user for the rest of it. */
  async enter<T>(
    manager: EntityManager,
    userId: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    await this.setContext(manager, userId, APP_ROLE);
    return work(manager);
  }

  /**
   * One round trip: the user, the trace ID and, when given, the role, all transaction-local.
   * `set_config('role', …, true)` is what `SET LOCAL ROLE` does.
   */
  private async setContext(manager: EntityManager, userId: string, role?: string): Promise<void> {
    const settings = [userId, this.requestContext.traceId ?? ''];
    await manager.query(
      `SELECT set_config('app.current_user_id', $1, true), set_config('app.trace_id', $2, true)${
        role ? `, set_config('role', $3, true)` : ''
      }`,
      role ? [...settings, role] : settings,
    );
  }
}
