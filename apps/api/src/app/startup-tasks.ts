import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { DEMO_LOGINS, DemoSeedService } from '../modules/demo';
import { UsersService } from '../modules/users';

/** Work done once the app is wired: the configured admin, then demo data on a fresh database. */
@Injectable()
export class StartupTasks implements OnApplicationBootstrap {
  private readonly logger = new Logger('Startup');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly demo: DemoSeedService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SEED_DEMO_DATA && (await this.demo.seedIfEmpty())) {
      const { admin, user } = DEMO_LOGINS;
      this.logger.log(
        `Demo data created. Sign in as ${user.email} / ${user.password} (user) or ${admin.email} / ${admin.password} (admin)`,
      );
    }
    if (this.config.ADMIN_EMAIL && this.config.ADMIN_PASSWORD) {
      await this.users.ensureAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
    }
  }
}
