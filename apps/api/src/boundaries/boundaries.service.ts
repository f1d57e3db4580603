import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { NotFoundApiException } from '../common/api-exception.js';

export interface BoundaryFile {
  body: Buffer;
  etag: string;
}

/**
 * The simplified 天地图 boundaries the product ships (seeds/boundaries, 审图号 GS(2024)0650号),
 * read once and kept in memory: a few MB in all, asked for on every map view.
 */
@Injectable()
export class BoundariesService {
  private readonly cache = new Map<string, Promise<BoundaryFile>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  provinces(): Promise<BoundaryFile> {
    return this.load('provinces.json');
  }

  counties(province: string): Promise<BoundaryFile> {
    return this.load(`counties/${province}.json`);
  }

  private load(relative: string): Promise<BoundaryFile> {
    let entry = this.cache.get(relative);
    if (!entry) {
      entry = readFile(path.join(this.config.seedsDir, 'boundaries', relative)).then(
        (body) => ({ body, etag: `"${body.length.toString(16)}-${hash(body)}"` }),
        () => {
          this.cache.delete(relative);
          throw new NotFoundApiException('boundaries.not_found', { 'zh-CN': '没有该区域的边界数据。', en: 'There is no boundary data for that area.' });
        },
      );
      this.cache.set(relative, entry);
    }
    return entry;
  }
}

function hash(buffer: Buffer): string {
  let h = 0;
  for (let i = 0; i < buffer.length; i += 97) h = (h * 31 + buffer[i]) | 0;
  return (h >>> 0).toString(16);
}
