import { notCountyOrTownshipText, outsideJurisdictionText, unknownRegionCodeText, withinJurisdiction, type FieldChange, type Jurisdiction, type SiteKindRegistry, type SiteStatus } from '@sitenet/domain';
import { COMMON_SITE_FIELDS, storedValues, type SiteCommonInput } from '@sitenet/domain/schemas';
import type { DataSource, EntityManager, EntityMetadata } from 'typeorm';
import { ValidationApiException } from '../common/api-exception.js';
import type { RegionEntity } from '../regions/region.entity.js';
import { SiteEntity, type PendingChange } from './site.entity.js';
import { SiteHistoryEntity } from './site-history.entity.js';
import { commonColumns, reviewedState } from './site.mapper.js';

/**
 * How a site and its history rows are built and written, shared by SitesService (one site per
 * request) and the spreadsheet import (thousands in one transaction), so an import applies exactly
 * the rules a registration does: the stored values of the common fields, the units of the region
 * and the jurisdiction check.
 */

/** A validated create request (the shape of `buildSiteSchemas(...).create`): the declared common fields, the kind and its attributes. */
export type SiteCreateInput = SiteCommonInput & { kind: string; attributes: Record<string, unknown>; locationConfirmed?: boolean };

/** Whoever writes: a signed-in account, or the system (a seed file). */
export interface Writer {
  id: string;
  displayName: string;
  scope: Jurisdiction;
}

export type SiteUnits = PendingChange['units'];

/** Where a history entry came from when not the form. */
export type HistorySource = NonNullable<SiteHistoryEntity['source']>;

/** What the common fields a request carries store (each as its declaration says: `store`). */
export function storedCommonValues(input: Partial<SiteCommonInput>): Record<string, unknown> {
  const given = input as Record<string, unknown>;
  const stored: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(COMMON_SITE_FIELDS)) {
    if (field.input && given[key] !== undefined) Object.assign(stored, storedValues(key, field, given[key]));
  }
  return stored;
}

/**
 * The units a site in `region` belongs to. It must lie in a county-level unit or in a township,
 * inside the writer's jurisdiction; a township directly under a prefecture-level city without
 * counties (东莞, 中山, 儋州) takes the city as its county-level unit, as the statistical codes do.
 */
export function unitsOfRegion(region: Pick<RegionEntity, 'code' | 'name' | 'level' | 'provinceCode' | 'prefectureCode' | 'countyCode'> | null, code: string, path: string, scope: Jurisdiction): SiteUnits {
  if (!region) throw unknownRegion(code, path);
  let units: SiteUnits;
  if (region.level === 3) {
    units = { regionCode: code, provinceCode: region.provinceCode, prefectureCode: region.prefectureCode, countyCode: code, townshipCode: null };
  } else if (region.level === 4) {
    units = {
      regionCode: code,
      provinceCode: region.provinceCode,
      prefectureCode: region.prefectureCode,
      countyCode: region.countyCode ?? region.prefectureCode ?? region.provinceCode,
      townshipCode: code,
    };
  } else {
    throw new ValidationApiException([{ path, code: 'region.not_county_or_township', messages: notCountyOrTownshipText({ name: region.name, code }) }]);
  }
  if (!withinJurisdiction(scope, units)) {
    throw new ValidationApiException([
      { path, code: 'region.outside_jurisdiction', messages: outsideJurisdictionText(region) },
    ]);
  }
  return units;
}

export function unknownRegion(code: string, path: string): ValidationApiException {
  return new ValidationApiException([
    { path, code: 'region.unknown', messages: unknownRegionCodeText(code) },
  ]);
}

/** A new site's row (not saved): the stored common values, its units, the kind's current attributes version. */
export function siteEntityFor(kinds: SiteKindRegistry, id: string, input: SiteCreateInput, units: SiteUnits, status: SiteStatus, writer: Writer, extra: Partial<SiteEntity> = {}): SiteEntity {
  return Object.assign(new SiteEntity(), {
    id,
    kind: input.kind,
    ...commonColumns(storedCommonValues(input)),
    ...units,
    attributes: input.attributes,
    attributesVersion: kinds.get(input.kind)!.attributesVersion,
    status,
    createdBy: writer.id,
    updatedBy: writer.id,
    submittedBy: null,
    approvedAt: null,
    pendingChange: null,
    ...extra,
  });
}

/** A history row (not saved) for what `after` (the site as the entry leaves it) records. */
export function historyRowFor(
  id: string,
  siteId: string,
  at: Date,
  writer: Pick<Writer, 'id' | 'displayName'>,
  action: string,
  entry: { from: string | null; to: string | null; reason?: string | null; changes?: FieldChange[] },
  after: SiteEntity,
  source: HistorySource | null = null,
): SiteHistoryEntity {
  return Object.assign(new SiteHistoryEntity(), {
    id,
    siteId,
    at,
    actorId: writer.id,
    actorName: writer.displayName,
    action,
    fromStatus: entry.from,
    toStatus: entry.to,
    reason: entry.reason ?? null,
    changes: entry.changes ?? [],
    version: after.version,
    snapshot: reviewedState(after),
    source,
  });
}

/** Rows written by one statement: 2,500 sites stay far below PostgreSQL's limits with one parameter. */
export const BULK_CHUNK = 2_500;

/** One prepared bulk statement: its SQL and its one parameter (a JSON array of records). */
export interface BulkStatement {
  sql: string;
  parameter: string;
  rows: number;
  /** For versioned updates: the number of rows it must change (else a site changed: stale). */
  expect?: number;
}

function recordSetColumns(dataSource: DataSource, metadata: EntityMetadata, properties: readonly string[]) {
  return properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for ${property}`);
    const type = dataSource.driver.normalizeType(column);
    return { property, name: column.databaseName, sqlType: `${type}${column.isArray ? '[]' : ''}`, column };
  });
}

function jsonValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function chunks<T>(items: readonly T[], size = BULK_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * `INSERT INTO table (cols…) SELECT cols… FROM jsonb_to_recordset($1::jsonb) AS x(col type, …)`,
 * 2,500 entities per statement, one parameter each, every column of the entity listed (so no
 * column is left to a default by accident). Built before the transaction opens.
 */
export function bulkInserts<T extends object>(dataSource: DataSource, target: new () => T, entities: readonly T[]): BulkStatement[] {
  if (entities.length === 0) return [];
  const metadata = dataSource.getMetadata(target);
  const columns = recordSetColumns(dataSource, metadata, metadata.columns.map((column) => column.propertyName));
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const definition = columns.map((c) => `"${c.name}" ${c.sqlType}`).join(', ');
  const sql = `INSERT INTO "${metadata.tableName}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${definition})`;
  return chunks(entities).map((chunk) => ({
    sql,
    rows: chunk.length,
    parameter: JSON.stringify(chunk.map((entity) => Object.fromEntries(columns.map((c) => [c.name, jsonValue(c.column.getEntityValue(entity)) ?? null])))),
  }));
}

/**
 * Versioned updates of many sites, one statement per 2,500: each record sets `properties` on the
 * site `id` only if its version is still `seen`, raising the version and updated_at. The caller
 * compares the rows changed with `expect` (fewer: a site changed meanwhile, abort).
 */
export function bulkVersionedUpdates(dataSource: DataSource, properties: readonly string[], updates: readonly { id: string; seen: number; values: Partial<SiteEntity> }[]): BulkStatement[] {
  if (updates.length === 0) return [];
  const metadata = dataSource.getMetadata(SiteEntity);
  const columns = recordSetColumns(dataSource, metadata, properties);
  const set = columns.map((c) => `"${c.name}" = x."${c.name}"`).join(', ');
  const definition = ['"id" uuid', '"seen" integer', ...columns.map((c) => `"${c.name}" ${c.sqlType}`)].join(', ');
  const sql =
    `UPDATE "site" SET ${set}, "version" = "site"."version" + 1, "updated_at" = now() ` +
    `FROM jsonb_to_recordset($1::jsonb) AS x(${definition}) WHERE "site"."id" = x."id" AND "site"."version" = x."seen" RETURNING "site"."id"`;
  return chunks(updates).map((chunk) => ({
    sql,
    rows: chunk.length,
    expect: chunk.length,
    parameter: JSON.stringify(
      chunk.map((update) => ({ id: update.id, seen: update.seen, ...Object.fromEntries(columns.map((c) => [c.name, jsonValue((update.values as Record<string, unknown>)[c.property]) ?? null])) })),
    ),
  }));
}

/** Runs a prepared statement; a versioned update that changed fewer rows than expected returns false. */
export async function runBulk(manager: EntityManager, statement: BulkStatement): Promise<boolean> {
  const result: unknown = await manager.query(statement.sql, [statement.parameter]);
  if (statement.expect === undefined) return true;
  return returnedRows(result) === statement.expect;
}

function returnedRows(result: unknown): number {
  // TypeORM's postgres driver gives the RETURNING rows of an UPDATE as [rows, affected]
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
