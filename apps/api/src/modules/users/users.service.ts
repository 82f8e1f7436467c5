import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as bcrypt from 'bcrypt';
import { EntityManager, Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Role } from '../../common/context/request-context';
import { AuthenticationError, ConflictError } from '../../common/errors/domain-errors';
import { translateConstraintError } from '../../common/errors/postgres-errors';
import { UserContext } from '../../database/user-context';
import { UpdateUserPreferencesDto, UserPreferencesDto } from './dto/user-preferences.dto';
import { ownPreferencesRow, setOwnPreferences } from './user-preferences.store';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  displayName: string;
  role?: Role;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly config: AppConfig,
    private readonly userContext: UserContext,
  ) {}

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** With the password hash, for checking credentials. */
  findWithPasswordByEmail(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
  }

  /** Creates a user; with `manager`, inside the caller's transaction. */
  async create(input: NewUser, manager: EntityManager = this.users.manager): Promise<User> {
    const passwordHash = await bcrypt.hash(input.password, this.config.PASSWORD_HASH_ROUNDS);
    try {
      const saved = await manager.save(
        manager.create(User, {
          email: input.email.trim(),
          passwordHash,
          displayName: input.displayName.trim(),
          role: input.role ?? 'user',
        }),
      );
      return (await manager.findOneBy(User, { id: saved.id })) as User;
    } catch (error) {
      translateConstraintError(error, {
        uq_users_email: () =>
          new ConflictError(`An account with the email '${input.email}' already exists`, {
            email: ['email is already registered'],
          }),
      });
    }
  }

  passwordMatches(user: User, password: string): Promise<boolean> {
    return bcrypt.compare(password, user.passwordHash);
  }

  /** Makes sure the configured admin exists with the admin role and the configured password. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const existing = await this.findWithPasswordByEmail(email);
    if (!existing) {
      try {
        await this.create({ email, password, displayName: 'Administrator', role: 'admin' });
        this.logger.log(`Created admin ${email}`);
        return;
      } catch (error) {
        // Another instance starting at the same moment created it: make sure of it as found.
        const created =
          error instanceof ConflictError && (await this.findWithPasswordByEmail(email));
        if (!created) throw error;
        return this.ensureAdminAs(created, password);
      }
    }
    return this.ensureAdminAs(existing, password);
  }

  /** Gives `existing` the admin role and the configured password, where it lacks them. */
  private async ensureAdminAs(existing: User, password: string): Promise<void> {
    const { email } = existing;
    const changes: Partial<User> = {};
    if (existing.role !== 'admin') changes.role = 'admin';
    if (!(await this.passwordMatches(existing, password))) {
      changes.passwordHash = await bcrypt.hash(password, this.config.PASSWORD_HASH_ROUNDS);
    }
    if (Object.keys(changes).length > 0) {
      await this.users.update({ id: existing.id }, changes);
      this.logger.log(`Updated admin ${email}`);
    }
  }

  count(): Promise<number> {
    return this.users.count();
  }

  page(offset: number, limit: number): Promise<[User[], number]> {
    return this.users.findAndCount({ order: { createdAt: 'ASC' }, skip: offset, take: limit });
  }

  /** The current user's preferences, read under Row-Level Security (their own row only). */
  preferences(): Promise<UserPreferencesDto> {
    return this.userContext.run((manager) => this.ownPreferences(manager));
  }

  /**
   * Changes the current user's preferences as that user: the role may write these columns of its
   * own row only, and the row history records who changed them.
   */
  updatePreferences(changes: UpdateUserPreferencesDto): Promise<UserPreferencesDto> {
    return this.userContext.run(async (manager) => {
      await setOwnPreferences(manager, {
        email_budget_alerts: changes.budgetAlertEmails,
        default_currency: changes.defaultCurrency,
        time_zone: changes.timeZone,
        first_day_of_week: changes.firstDayOfWeek,
        number_format: changes.numberFormat,
        date_format: changes.dateFormat,
      });
      return this.ownPreferences(manager);
    });
  }

  /** Where to email a user's budget alerts: their address if they opted in, else null. */
  async budgetAlertRecipient(userId: string): Promise<string | null> {
    const user = await this.users.findOneBy({ id: userId });
    return user?.emailBudgetAlerts ? user.email : null;
  }

  private async ownPreferences(manager: EntityManager): Promise<UserPreferencesDto> {
    const row = await ownPreferencesRow(manager);
    // Only a deleted account has no row of its own: it is signed in no longer.
    if (!row) throw new AuthenticationError('This needs a signed-in user');
    return {
      budgetAlertEmails: row.email_budget_alerts,
      defaultCurrency: row.default_currency,
      timeZone: row.time_zone,
      firstDayOfWeek: row.first_day_of_week,
      numberFormat: row.number_format,
      dateFormat: row.date_format,
    };
  }
}
