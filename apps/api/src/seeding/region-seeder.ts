import type { DataSource, EntityManager } from 'typeorm';
import { isRegionTypeOfLevel, type RegionLevel } from '@sitenet/domain';
import { SeedFileError, loadSeedFile, type SeedOutcome } from '../common/seed-file.js';

/**
 * Loads seeds/divisions/regions.json (all of China's divisions, see seeds/README.md) into the
 * `region` table. Idempotent (common/seed-file.ts): the file's checksum is recorded in `seed_run`, and an unchanged
 * file is skipped; a changed file is upserted row by row (insert or update on the code), in one
 * transaction, in multi-row batches.
 */

type RegionRow = [code: string, name: string, level: number, parent: string | null, type: string, statisticalOnly: boolean, lng: number | null, lat: number | null];

interface RegionsFile {
  columns: string[];
  rows: RegionRow[];
}

const EXPECTED_COLUMNS = ['code', 'name', 'level', 'parent', 'type', 'statisticalOnly', 'lng', 'lat'];
const BATCH = 1000;

interface PreparedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  type: string;
  parentCode: string | null;
  provinceCode: string;
  prefectureCode: string | null;
  countyCode: string | null;
  statisticalOnly: boolean;
  childCount: number;
  lat: number | null;
  lng: number | null;
}

/** Checks the file and derives each unit's ancestors and child count. */
export function prepareRegions(file: RegionsFile): PreparedRegion[] {
  if (JSON.stringify(file.columns) !== JSON.stringify(EXPECTED_COLUMNS)) {
    throw new SeedFileError(`regions.json columns are ${JSON.stringify(file.columns)}, expected ${JSON.stringify(EXPECTED_COLUMNS)}`);
  }
  const byCode = new Map<string, RegionRow>();
  for (const row of file.rows) {
    if (byCode.has(row[0])) throw new SeedFileError(`regions.json lists ${row[0]} twice`);
    byCode.set(row[0], row);
  }
  const childCounts = new Map<string, number>();
  for (const row of file.rows) {
    const [code, , level, parent, type] = row;
    if (![1, 2, 3, 4].includes(level)) throw new SeedFileError(`${code}: level ${level} is not 1–4`);
    if (!isRegionTypeOfLevel(type, level as RegionLevel)) throw new SeedFileError(`${code}: type ${type} is not a level-${level} type`);
    if (parent !== null) {
      const parentRow = byCode.get(parent);
      if (!parentRow) throw new SeedFileError(`${code}: parent ${parent} is not in the file`);
      if (parentRow[2] >= level) throw new SeedFileError(`${code}: parent ${parent} is not above it`);
      childCounts.set(parent, (childCounts.get(parent) ?? 0) + 1);
    } else if (level !== 1) {
      throw new SeedFileError(`${code}: only province-level units may have no parent`);
    }
  }
  return file.rows.map((row) => {
    const [code, name, level, parent, type, statisticalOnly, lng, lat] = row;
    const ancestors: Partial<Record<number, string>> = { [level]: code };
    for (let up = parent; up !== null; ) {
      const upRow = byCode.get(up)!;
      ancestors[upRow[2]] = upRow[0];
      up = upRow[3];
    }
    return {
      code,
      name,
      level: level as RegionLevel,
      type,
      parentCode: parent,
      provinceCode: ancestors[1]!,
      prefectureCode: ancestors[2] ?? null,
      countyCode: ancestors[3] ?? null,
      statisticalOnly,
      childCount: childCounts.get(code) ?? 0,
      lat,
      lng,
    };
  });
}

async function upsertRegions(manager: EntityManager, regions: PreparedRegion[]): Promise<void> {
  const columns = ['code', 'name', 'level', 'type', 'parent_code', 'province_code', 'prefecture_code', 'county_code', 'statistical_only', 'child_count', 'centroid_lat', 'centroid_lng'];
  const updates = columns.filter((c) => c !== 'code').map((c) => `"${c}" = EXCLUDED."${c}"`);
  // Parents before children, so the self-reference holds at every statement.
  const ordered = [...regions].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
  for (let start = 0; start < ordered.length; start += BATCH) {
    const batch = ordered.slice(start, start + BATCH);
    const params: unknown[] = [];
    const tuples = batch.map((r) => {
      const values = [r.code, r.name, r.level, r.type, r.parentCode, r.provinceCode, r.prefectureCode, r.countyCode, r.statisticalOnly, r.childCount, r.lat, r.lng];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO "region" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT ("code") DO UPDATE SET ${updates.join(', ')}`,
      params,
    );
  }
}

export async function seedRegions(dataSource: DataSource, seedsDir: string): Promise<SeedOutcome> {
  return loadSeedFile(dataSource, seedsDir, {
    name: 'divisions/regions.json',
    parse: (text) => prepareRegions(JSON.parse(text) as RegionsFile),
    apply: upsertRegions,
    unreadable: (file, error) => `Cannot read the divisions seed ${file}: ${error.message}`,
  });
}
