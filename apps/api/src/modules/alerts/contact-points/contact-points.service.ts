import { Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { RequestContext } from '../../../common/context/request-context';
import { SecretBox } from '../../../common/crypto/secret-box';
import { ConflictError, NotFoundError } from '../../../common/errors/domain-errors';
import { translateConstraintError } from '../../../common/errors/postgres-errors';
import { AppConfig } from '../../../config/app-config';
import { softDeleteLive } from '../../../database/live-rows';
import { UserContext } from '../../../database/user-context';
import type { ContactPoint } from '../channels/contact-point';
import { newWebhookSecret } from '../channels/standard-webhooks';
import { AlertRulesStore } from '../rules/alert-rules.store';
import { unavailableReason } from './contact-point-availability';
import { validContactPoint } from './contact-point-input';
import { ContactPointsStore } from './contact-points.store';
import {
  ContactPointBodyDto,
  ContactPointDto,
  SavedContactPointDto,
} from './dto/contact-point.dto';
import { NotificationChannel } from './notification-channel.entity';

/** The most contact points a list shows. */
export const MAX_CONTACT_POINTS_LISTED = 500;
const MAX_REASON_LENGTH = 500;
const NAME_INDEX = 'uq_notification_channels_name';

/** A stored contact point, secret opened, with whether it is disabled. */
export type StoredContactPoint = ContactPoint & {
  disabled: boolean;
  disabledReason: string | null;
};

const notFound = (id: string) =>
  new NotFoundError(`Contact point ${id} not found`, { id: ['no contact point with this ID'] });

const nameTaken = (name: string) =>
  new ConflictError(`A contact point named '${name}' already exists`, {
    name: [`a contact point named '${name}' already exists`],
  });

function dtoOf(row: NotificationChannel): ContactPointDto {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    settings: row.settings,
    hasSecret: row.secret !== null,
    disabled: row.disabledAt !== null,
    disabledReason: row.disabledAt === null ? null : row.disabledReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Contact points (`notification_channels`): the admin API's reads and writes, and what alerting
 * needs to send (`usable`, `get`, `disable`) and to check rules (`problemsWith`). Secrets are
 * sealed with SecretBox at rest, opened only for sending, and never answered or logged.
 */
@Injectable()
export class ContactPointsService {
  private readonly logger = new Logger('ContactPoints');

  constructor(
    private readonly dataSource: DataSource,
    private readonly userContext: UserContext,
    private readonly requestContext: RequestContext,
    private readonly secretBox: SecretBox,
    private readonly config: AppConfig,
    private readonly store: ContactPointsStore,
    private readonly rules: AlertRulesStore,
  ) {}

  async list(): Promise<ContactPointDto[]> {
    const rows = await this.dataSource.manager.find(NotificationChannel, {
      order: { name: 'ASC', id: 'ASC' },
      take: MAX_CONTACT_POINTS_LISTED,
    });
    return rows.map(dtoOf);
  }

  async find(id: string): Promise<ContactPointDto> {
    return dtoOf(await this.row(this.dataSource.manager, id));
  }

  async create(body: ContactPointBodyDto): Promise<SavedContactPointDto> {
    const valid = validContactPoint(body, unavailableReason(body.type, this.config));
    const generated = valid.type === 'webhook' && !valid.secret ? newWebhookSecret() : undefined;
    const secret = valid.secret ?? generated;
    const saved = await this.userContext
      .runAsAdmin(async (manager) => {
        await this.checkNameFree(manager, body.name);
        const row = await manager.save(
          manager.create(NotificationChannel, {
            name: body.name,
            type: valid.type,
            settings: valid.settings,
            secret: secret === undefined ? null : this.secretBox.seal(secret),
          }),
        );
        return this.row(manager, row.id);
      })
      .catch((error: unknown) =>
        translateConstraintError(error, { [NAME_INDEX]: () => nameTaken(body.name) }),
      );
    return { ...dtoOf(saved), ...(generated === undefined ? {} : { secret: generated }) };
  }

  /**
   * Replaces a contact point. Without `secret` a webhook keeps its stored one (or gets a new one,
   * answered once, when it had none); other types hold none. Saving clears `disabled`.
   */
  async update(id: string, body: ContactPointBodyDto): Promise<SavedContactPointDto> {
    const valid = validContactPoint(body, unavailableReason(body.type, this.config));
    let generated: string | undefined;
    const saved = await this.userContext
      .runAsAdmin(async (manager) => {
        const current = await this.row(manager, id, true);
        await this.checkNameFree(manager, body.name, id);
        let secret: string | null = null;
        if (valid.type === 'webhook') {
          if (valid.secret !== undefined) secret = this.secretBox.seal(valid.secret);
          else if (current.type === 'webhook' && current.secret !== null) secret = current.secret;
          else secret = this.secretBox.seal((generated = newWebhookSecret()));
        }
        await manager.update(
          NotificationChannel,
          { id },
          {
            name: body.name,
            type: valid.type,
            settings: valid.settings,
            secret,
            disabledAt: null,
            disabledReason: null,
          },
        );
        return this.row(manager, id);
      })
      .catch((error: unknown) =>
        translateConstraintError(error, { [NAME_INDEX]: () => nameTaken(body.name) }),
      );
    return { ...dtoOf(saved), ...(generated === undefined ? {} : { secret: generated }) };
  }

  /** Soft-deletes a contact point no enabled rule uses; 409 naming the rules otherwise. */
  remove(id: string): Promise<void> {
    return this.userContext.runAsAdmin(async (manager) => {
      // Locked, so a rule saved meanwhile (which reads it FOR SHARE) waits or is seen here.
      await this.row(manager, id, true);
      const rules = await this.rules.enabledUsing(manager, id);
      if (rules.length > 0) {
        const names = rules.map((rule) => `"${rule.name}"`).join(', ');
        throw new ConflictError(
          `This contact point is used by ${rules.length === 1 ? 'an enabled alert rule' : `${rules.length} enabled alert rules`}: ${names}. Remove it from ${rules.length === 1 ? 'that rule' : 'those rules'} or disable ${rules.length === 1 ? 'it' : 'them'} first.`,
          { rules: rules.map((rule) => `${rule.name} (${rule.id})`) },
        );
      }
      await softDeleteLive(manager, NotificationChannel, id, () => notFound(id));
    });
  }

  /**
   * The contact points among `ids` that can send: not deleted, not disabled, secret opened; in
   * the order of `ids`. One whose secret cannot be opened (SECRETS_ENCRYPTION_KEY missing or
   * changed) is left out and logged.
   */
  async usable(ids: string[]): Promise<ContactPoint[]> {
    const wanted = [...new Set(ids.filter((id) => isUUID(id)))];
    if (wanted.length === 0) return [];
    const rows = await this.dataSource.manager.findBy(NotificationChannel, {
      id: In(wanted),
      disabledAt: IsNull(),
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const points: ContactPoint[] = [];
    for (const id of wanted) {
      const row = byId.get(id);
      if (!row) continue;
      try {
        points.push(this.contactPointOf(row));
      } catch (error) {
        this.logger.error(
          `Contact point ${row.id} ("${row.name}") skipped: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return points;
  }

  /** A live contact point, secret opened, disabled or not; 404 when unknown or deleted. */
  async get(id: string): Promise<StoredContactPoint> {
    const row = await this.row(this.dataSource.manager, id);
    return {
      ...this.contactPointOf(row),
      disabled: row.disabledAt !== null,
      disabledReason: row.disabledAt === null ? null : row.disabledReason,
    };
  }

  /**
   * Stops deliveries to a contact point until an admin saves it again (e.g. its webhook answered
   * 410 Gone). Keeps the first reason when it is disabled already. Answers whether it changed.
   */
  async disable(id: string, reason: string): Promise<boolean> {
    const work = async (manager: EntityManager) => {
      const result = await manager
        .createQueryBuilder()
        .update(NotificationChannel)
        .set({ disabledAt: () => 'now()', disabledReason: reason.slice(0, MAX_REASON_LENGTH) })
        .where('id = :id AND deleted_at IS NULL AND disabled_at IS NULL', { id })
        .execute();
      return (result.affected ?? 0) > 0;
    };
    // From a request (an admin's test send) the row history names the admin; else the system.
    const changed = await (this.requestContext.actor
      ? this.userContext.runAsAdmin(work)
      : this.userContext.runAsSystem(work));
    if (changed) this.logger.warn(`Contact point ${id} disabled: ${reason}`);
    return changed;
  }

  /**
   * What keeps rules from using these contact points, one sentence each: unknown or deleted,
   * disabled, or of a type this server cannot send. Pass the manager of a transaction saving a
   * rule to lock them (FOR SHARE) until it commits, so none is deleted meanwhile.
   */
  async problemsWith(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const wanted = [...new Set(ids)];
    const known = wanted.filter((id) => isUUID(id));
    let rows: NotificationChannel[] = [];
    if (known.length > 0) {
      const query = manager
        .createQueryBuilder(NotificationChannel, 'point')
        .where('point.id IN (:...ids)', { ids: known });
      if (manager.queryRunner?.isTransactionActive) query.setLock('pessimistic_read');
      rows = await query.getMany();
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const problems: string[] = [];
    for (const id of wanted) {
      const row = byId.get(id);
      if (!row) {
        problems.push(`Contact point ${id} does not exist (or was deleted)`);
        continue;
      }
      if (row.disabledAt !== null) {
        problems.push(
          `Contact point "${row.name}" is disabled: ${row.disabledReason ?? 'no reason given'}`,
        );
      }
      const unavailable = unavailableReason(row.type, this.config);
      if (unavailable) problems.push(`Contact point "${row.name}" cannot send: ${unavailable}`);
    }
    return problems;
  }

  private contactPointOf(row: NotificationChannel): ContactPoint {
    return {
      id: row.id,
      name: row.name,
      type: row.type,
      settings: row.settings,
      secret: row.secret === null ? null : this.secretBox.open(row.secret),
    } as ContactPoint;
  }

  private async row(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<NotificationChannel> {
    const row = await manager.findOne(NotificationChannel, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) throw notFound(id);
    return row;
  }

  private async checkNameFree(
    manager: EntityManager,
    name: string,
    exceptId?: string,
  ): Promise<void> {
    if (await this.store.nameTaken(manager, name, exceptId)) throw nameTaken(name);
  }
}
