import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { KnownRoute } from './rule-problems';

interface RouterLayer {
  route?: { path?: unknown; methods?: Record<string, boolean> };
}

/**
 * The endpoints the API serves, read from Express's router (method and route template, as
 * request metrics name them), so a rule naming a route that does not exist is refused.
 */
@Injectable()
export class KnownRoutes {
  private cached?: KnownRoute[];

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  list(): KnownRoute[] {
    // Read once the router is complete (the first rule is checked after the app started).
    if (!this.cached?.length) this.cached = this.read();
    return this.cached;
  }

  private read(): KnownRoute[] {
    const app = this.adapterHost.httpAdapter?.getInstance() as
      { router?: { stack?: RouterLayer[] } } | undefined;
    const routes: KnownRoute[] = [];
    for (const layer of app?.router?.stack ?? []) {
      const path = layer.route?.path;
      // The framework's catch-all (`*path`) is not an endpoint anyone alerts on.
      if (typeof path !== 'string' || path.includes('*')) continue;
      for (const [method, on] of Object.entries(layer.route?.methods ?? {})) {
        if (on && method !== '_all') routes.push({ method: method.toUpperCase(), path });
      }
    }
    return routes;
  }
}
