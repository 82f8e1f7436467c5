import type { Request, RequestHandler, Response } from 'express';
import { extname } from 'node:path';
import { API_PREFIX } from '../../common/http/api-prefix';
import { BuiltFile, CODINGS, readWebBuild, WebBuildOptions } from './web-build';

/** Hashed file names change with their content: a cached copy never needs checking. */
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is checked with the server on every use. */
const REVALIDATE = 'no-cache';

/**
 * Paths never answered with index.html: the API, socket.io, and assets, since a page left open
 * from an older release must get a 404 for its old script, not HTML with a 200.
 */
const NOT_CLIENT_ROUTES = [`/${API_PREFIX}/`, '/socket.io/', HASHED_ASSETS];
const isClientRoute = (path: string) =>
  path !== '/socket.io' && !NOT_CLIENT_ROUTES.some((prefix) => path.startsWith(prefix));

function send(request: Request, response: Response, next: () => void, file: BuiltFile): void {
  const copy = CODINGS.find(
    ({ coding }) => file.copies[coding] && request.acceptsEncodings(coding) === coding,
  );
  if (Object.keys(file.copies).length > 0) response.vary('Accept-Encoding');
  response.type(extname(file.path));
  response.setHeader(
    'Cache-Control',
    request.path.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE,
  );
  if (copy) response.setHeader('Content-Encoding', copy.coding);
  const path = copy ? (file.copies[copy.coding] as string) : file.path;
  // The path is one of the build's own files (the folder may sit under a dot folder).
  response.sendFile(path, { cacheControl: false, dotfiles: 'allow' }, (error?: Error) => {
    if (!error) return;
    if (response.headersSent) {
      response.destroy();
      return;
    }
    // Gone since start-up (a build replaced under a running server): the API's own 404.
    response.removeHeader('Content-Encoding');
    response.removeHeader('Cache-Control');
    next();
  });
}

/**
 * Serves the built SPA: its files, compressed as the browser accepts (the build's .br and .gz
 * copies) with `Vary: Accept-Encoding`; index.html for any other GET but those of
 * NOT_CLIENT_ROUTES, so the SPA routes deep links. Hashed assets are cached for a year, the rest
 * revalidated. Source maps only with `sourceMaps`.
 */
export function webAppHandler(rootDir: string, options: WebBuildOptions): RequestHandler {
  const files = readWebBuild(rootDir, options);
  const index = files.get('/index.html');
  if (!index) throw new Error(`${rootDir} holds no index.html: build the web app first`);
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const file = files.get(request.path) ?? (isClientRoute(request.path) ? index : undefined);
    if (!file) return next();
    send(request, response, next, file);
  };
}
