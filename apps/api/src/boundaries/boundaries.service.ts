import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { UnitBoundary } from '@sitenet/domain';
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
  /** Each province's county-level polygons by code, parsed once (for the location check). */
  private readonly countyIndex = new Map<string, Promise<ReadonlyMap<string, UnitBoundary>>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  provinces(): Promise<BoundaryFile> {
    return this.load('provinces.json');
  }

  counties(province: string): Promise<BoundaryFile> {
    return this.load(`counties/${province}.json`);
  }

  /**
   * The shipped boundary of a county-level unit (a county, or a prefecture-level city without
   * counties such as 东莞 441900), or null when none is shipped: the units of 71/81/82, the four
   * 大兴安岭 districts, statistical development zones (seeds/boundaries/README.md).
   */
  async countyBoundary(countyCode: string): Promise<UnitBoundary | null> {
    return (await this.countiesOf(countyCode.slice(0, 2))).get(countyCode) ?? null;
  }

  /** The county-level polygons of a province (2-digit code), keyed by code; empty when the province has no file. */
  countiesOf(province: string): Promise<ReadonlyMap<string, UnitBoundary>> {
    let entry = this.countyIndex.get(province);
    if (!entry) {
      entry = /^\d{2}$/.test(province)
        ? this.counties(province).then(
            (file) => indexPolygons(file.body),
            () => new Map<string, UnitBoundary>(),
          )
        : Promise.resolve(new Map<string, UnitBoundary>());
      this.countyIndex.set(province, entry);
    }
    return entry;
  }

  /** A synchronous lookup of the county-level boundaries of these provinces (2-digit codes), loaded first: for checks of many rows. */
  async countyLookup(provinces: readonly string[]): Promise<(countyCode: string) => UnitBoundary | null> {
    const loaded = new Map(await Promise.all([...new Set(provinces)].map(async (province) => [province, await this.countiesOf(province)] as const)));
    return (countyCode) => loaded.get(countyCode.slice(0, 2))?.get(countyCode) ?? null;
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

interface BoundaryFeatureJson {
  properties?: { code?: string | null };
  geometry?: { type?: string; coordinates?: unknown };
}

function indexPolygons(body: Buffer): Map<string, UnitBoundary> {
  const features = (JSON.parse(body.toString('utf8')) as { features?: BoundaryFeatureJson[] }).features ?? [];
  const index = new Map<string, UnitBoundary>();
  for (const feature of features) {
    const code = feature.properties?.code;
    const type = feature.geometry?.type;
    // Border lines (MultiLineString, code null) are drawn, never checked against.
    if (code && (type === 'Polygon' || type === 'MultiPolygon')) index.set(code, feature.geometry as UnitBoundary);
  }
  return index;
}

function hash(buffer: Buffer): string {
  let h = 0;
  for (let i = 0; i < buffer.length; i += 97) h = (h * 31 + buffer[i]) | 0;
  return (h >>> 0).toString(16);
}
