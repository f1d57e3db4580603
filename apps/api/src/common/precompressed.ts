import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const EXTENSIONS = { br: '.br', gzip: '.gz' } as const;

/**
 * Serves a hashed asset's precompressed copy (NAME.br or NAME.gz, written beside it by the
 * portal's build: apps/portal/scripts/precompress.mjs) when the client accepts that encoding,
 * with Content-Encoding, Vary: Accept-Encoding, the original's Content-Type and the immutable
 * caching of hashed assets. Anything else (no copy, identity only, other files) passes on to the
 * static handler, compressed on the fly by `compression()` where worth it. Hashed files never
 * change, so whether a copy exists is looked up once per file.
 */
export function servePrecompressed(dist: string, isHashed: (url: string) => boolean, cacheControl: string): RequestHandler {
  const root = path.resolve(dist);
  const exists = new Map<string, boolean>();
  const has = (file: string) => {
    let known = exists.get(file);
    if (known === undefined) {
      known = existsSync(file);
      if (exists.size < 10_000) exists.set(file, known);
    }
    return known;
  };
  return (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !isHashed(request.path)) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(request.path);
    } catch {
      return next();
    }
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(root + path.sep) || !has(file)) return next();
    response.vary('Accept-Encoding');
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    if (!encoding) return next();
    const compressed = file + EXTENSIONS[encoding];
    if (!has(compressed)) return next();
    response.setHeader('Content-Encoding', encoding);
    response.setHeader('Cache-Control', cacheControl);
    response.type(path.extname(file));
    response.sendFile(compressed, { cacheControl: false, dotfiles: 'deny' }, (error?: Error) => {
      if (error && !response.headersSent) {
        response.removeHeader('Content-Encoding');
        next();
      }
    });
  };
}

/**
 * The encoding to send from an Accept-Encoding header: brotli or gzip, whichever has the higher
 * q-value (brotli on a tie, as browsers list gzip first), or null (identity) when neither is
 * acceptable. `*` stands for any encoding not named.
 */
export function preferredEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
    const value = weight ? Number(weight[1]) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const of = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  const br = of('br');
  const gzip = of('gzip');
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}
