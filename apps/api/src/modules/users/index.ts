/** The users module's public entry: what code outside the module uses of it. */
export { DeletedUsersStore } from './deleted-users.store';
export { UserDto } from './dto/user.dto';
export { User } from './user.entity';
export { UserEmailsStore } from './user-emails.store';
export { UsersModule } from './users.module';
export { UsersService } from './users.service';
