import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeletedUsersStore } from './deleted-users.store';
import { UserEmailsStore } from './user-emails.store';
import { User } from './user.entity';
import { UserPreferencesController } from './user-preferences.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [UsersController, UserPreferencesController],
  providers: [UsersService, DeletedUsersStore, UserEmailsStore],
  exports: [UsersService, DeletedUsersStore, UserEmailsStore],
})
export class UsersModule {}
