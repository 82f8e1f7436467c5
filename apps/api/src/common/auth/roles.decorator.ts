import { SetMetadata } from '@nestjs/common';
import { Role } from '../context/request-context';

export const ROLES = 'roles';

/** Restricts a route or controller to callers with one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
