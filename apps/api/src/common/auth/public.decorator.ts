import { SetMetadata } from '@nestjs/common';

export const ROUTE_ACCESS = 'routeAccess';

/**
 * `public`: no access token needed. `optional`: a valid token identifies the caller; without
 * one (or with a bad one) the request goes on anonymously.
 */
export type RouteAccess = 'public' | 'optional';

/** Opens a route to callers without an access token; every other route requires one. */
export const Public = () => SetMetadata(ROUTE_ACCESS, 'public' satisfies RouteAccess);

/** Serves signed-in and anonymous callers alike, knowing who the signed-in ones are. */
export const OptionalAuth = () => SetMetadata(ROUTE_ACCESS, 'optional' satisfies RouteAccess);
