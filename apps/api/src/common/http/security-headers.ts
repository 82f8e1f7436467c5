import type { RequestHandler } from 'express';
import helmet from 'helmet';

const overHttps = helmet();
const overHttp = helmet({
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  strictTransportSecurity: false,
});

/**
 * helmet's headers. Two of them, CSP's `upgrade-insecure-requests` and HSTS, make the browser ask
 * for the app's own files over https: sent over plain http (self-hosted at
 * http://192.168.1.20:3000, say) they break the app. So they go only with requests of an https
 * deployment (`httpsDeployment`), or that came over https: `request.secure`, which believes a
 * proxy's `X-Forwarded-Proto` only when Express's `trust proxy` trusts that proxy.
 */
export function securityHeaders({ httpsDeployment }: { httpsDeployment: boolean }): RequestHandler {
  return (request, response, next) =>
    (httpsDeployment || request.secure ? overHttps : overHttp)(request, response, next);
}
