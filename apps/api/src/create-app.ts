import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AppModule, type AppOptions } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { buildOpenApiDocument, serveOpenApi } from './openapi/openapi.js';
import { servePrecompressed } from './common/precompressed.js';
import { answerClientErrors, answerOutsideApi, isApiPath, looksLikePortalRoute, refuseMalformedPaths } from './common/http-edges.js';

const defaultPortalDist = fileURLToPath(new URL('../../portal/dist', import.meta.url));

/** Builds the HTTP application (not yet listening) around a prepared data source. */
export async function createApp(config: AppConfig, dataSource: DataSource, options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, dataSource, options), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Compressed responses (brotli or gzip, as the client accepts): the dashboard's scripts shrink to a third.
  app.use(compression());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI's page styles itself inline; the portal does not need it.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          // Only behind HTTPS: over plain http on any address but localhost it would make the
          // browser fetch every script over https, which is not there, and show a blank page.
          'upgrade-insecure-requests': config.httpsOnly ? [] : null,
        },
      },
      strictTransportSecurity: config.httpsOnly,
    }),
  );
  // No body is parsed here: RequestShapeInterceptor reads it after routing and authentication.
  answerClientErrors(app.getHttpServer());
  app.setGlobalPrefix('api');
  serveOpenApi(app, buildOpenApiDocument(app));
  refuseMalformedPaths(app);
  servePortal(app, config.portalDist ? path.resolve(config.portalDist) : defaultPortalDist);
  answerOutsideApi(app);
  return app;
}

/** Hashed build output (`/assets/name-HASH.js`): its name changes whenever its content does. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built portal under /, with HTML5-history fallback to index.html outside /api. Hashed assets
 * are cached for a year as immutable, index.html is revalidated every time (so a new release is
 * picked up at once), anything else for an hour. Requests under /api never reach the file system.
 */
function servePortal(app: NestExpressApplication, dist: string): void {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return;
  const files = express.static(dist, {
    index: false,
    setHeaders: (res, file) => {
      const url = '/' + path.relative(dist, file).split(path.sep).join('/');
      // The service worker and its manifest are checked on every visit, so that a release reaches phones at once.
      if (file.endsWith('.html') || url === '/sw.js' || url === '/manifest.webmanifest') res.setHeader('Cache-Control', 'no-cache');
      else if (HASHED_ASSET.test(url)) res.setHeader('Cache-Control', IMMUTABLE);
      else res.setHeader('Cache-Control', 'public, max-age=3600');
    },
  });
  const isApi = (request: Request) => isApiPath(request.path);
  // Hashed assets as compressed at build time (.br/.gz beside them), not afresh on every request.
  const precompressed = servePrecompressed(dist, (url) => HASHED_ASSET.test(url), IMMUTABLE);
  app.use((request: Request, response: Response, next: NextFunction) => (isApi(request) ? next() : precompressed(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => (isApi(request) ? next() : void files(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi(request)) return next();
    if (path.extname(request.path) || !looksLikePortalRoute(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
