import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import {
  commonSheetColumns,
  readOnlySheetColumns,
  siteSheetColumns,
  siteSheetRow,
  unionSheetColumns,
  type Jurisdiction,
  type SheetColumn,
  type SiteKindDefinition,
  type SiteKindRegistry,
} from '@sitenet/domain';
import { EXPORT_LIMITS, type SiteExportQuery } from '@sitenet/domain/schemas';
import { createListWriter, type ListWriter } from '@sitenet/spreadsheets';
import { ApiException } from '../common/api-exception.js';
import { SITE_KIND_REGISTRY } from '../kinds/kinds.tokens.js';
import { RegionEntity } from '../regions/region.entity.js';
import type { SiteEntity } from '../sites/site.entity.js';
import { toSite } from '../sites/site.mapper.js';
import { SitesService, type SiteFilters } from '../sites/sites.service.js';
import { DOWNLOAD_IDLE_TIMEOUT_MS } from '../common/download.js';
import { RegionPaths } from './region-paths.js';

/** Sites read per query: a page is in memory at a time, never the whole list. */
export const EXPORT_PAGE_SIZE = 1000;

/** The list's sorts as keyset columns: the database column, its type (for the cursor's cast), whether it may be null. */
const SORT_KEYS = {
  // A draft may have no name yet (issue 12).
  name: { column: 'name', type: 'text', nullable: true, property: 'site.name' },
  openedOn: { column: 'opened_on', type: 'date', nullable: true, property: 'site.openedOn' },
  updatedAt: { column: 'updated_at', type: 'timestamptz', nullable: false, property: 'site.updatedAt' },
  createdAt: { column: 'created_at', type: 'timestamptz', nullable: false, property: 'site.createdAt' },
} as const;

interface Cursor {
  /** The sort column's value as the database prints it (a timestamp keeps its microseconds). */
  value: string | null;
  id: string;
}

/** What an export will write, settled before its first byte. */
export interface SiteExportPlan {
  /** xlsx: one sheet per kind (kinds with matching sites; the asked or installed kinds when none). */
  sheets: { name: string; kind: string | undefined; columns: SheetColumn[] }[];
  total: number;
}

@Injectable()
export class SiteExportService {
  /** A download whose client takes no bytes for this long is cut off (DOWNLOAD_IDLE_TIMEOUT_MS; shorter in tests). */
  idleTimeoutMs = DOWNLOAD_IDLE_TIMEOUT_MS;

  constructor(
    private readonly sites: SitesService,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @Inject(SITE_KIND_REGISTRY) private readonly kinds: SiteKindRegistry,
  ) {}

  /**
   * Counts what matches (per kind) and decides the sheets and columns. Everything that can refuse
   * the request happens here, before the response starts: an unknown region (400, as the list),
   * more sites than EXPORT_LIMITS.maxSites (400).
   */
  async plan(query: SiteExportQuery, scope: Jurisdiction): Promise<SiteExportPlan> {
    const counts: { kind: string; count: string }[] = await (await this.sites.filtered(filtersOf(query), scope, { withKind: true }))
      .select('site.kind', 'kind')
      .addSelect('count(*)', 'count')
      .groupBy('site.kind')
      .getRawMany();
    const total = counts.reduce((sum, row) => sum + Number(row.count), 0);
    if (total > EXPORT_LIMITS.maxSites) {
      throw new ApiException(400, 'export.too_many_sites', {
        'zh-CN': `符合条件的网点有 ${total} 个，一次最多导出 ${EXPORT_LIMITS.maxSites} 个：请按地区、类型或状态缩小范围后分批导出。`,
        en: `${total} sites match; one export holds at most ${EXPORT_LIMITS.maxSites}. Narrow it by region, kind or status and export in parts.`,
      });
    }
    const present = new Set(counts.filter((row) => Number(row.count) > 0).map((row) => row.kind));
    const order = [...this.kinds.codes, ...[...present].filter((code) => !this.kinds.get(code)).sort()];
    let codes = order.filter((code) => present.has(code));
    if (!codes.length) codes = (query.kind?.length ? query.kind : this.kinds.codes).filter((code) => this.kinds.get(code));
    const locale = query.lang;
    if (query.format === 'csv') {
      const definitions = codes.map((code) => this.kinds.get(code)).filter((kind): kind is SiteKindDefinition => !!kind);
      return { total, sheets: [{ name: locale === 'en' ? 'Sites' : '网点名单', kind: undefined, columns: unionSheetColumns(definitions) }] };
    }
    return {
      total,
      sheets: codes.map((code) => {
        const kind = this.kinds.get(code);
        // A kind no longer installed: its sites keep their common fields (the attributes are not described any more).
        return { name: kind?.labels[locale] ?? code, kind: code, columns: kind ? siteSheetColumns(kind) : [...commonSheetColumns(), ...readOnlySheetColumns()] };
      }),
    };
  }

  /** Writes the planned sheets, reading the sites in keyset pages through the list's own query. */
  async write(writer: ListWriter, plan: SiteExportPlan, query: SiteExportQuery, scope: Jurisdiction): Promise<void> {
    const paths = new RegionPaths(this.regions);
    const context = { locale: query.lang, kindOf: (code: string) => this.kinds.get(code), regionPath: (code: string) => paths.path(code) };
    for (const sheet of plan.sheets) {
      await writer.sheet({ name: sheet.name, columns: sheet.columns });
      for await (const page of this.pages(query, scope, sheet.kind)) {
        await paths.load(page.map((site) => site.regionCode));
        for (const site of page) await writer.row(siteSheetRow(toSite(site), sheet.columns, context));
        // PGlite answers on promise callbacks only: without a turn given away here (and in the
        // writers), an export would hold the event loop until it ends (13.5 s at 60k sites).
        await nextTurn();
      }
    }
    await writer.finish();
  }

  /** Creates the writer for a query's format (exposed so the controller hands it the response). */
  writerFor(out: NodeJS.WritableStream, query: SiteExportQuery, meta: { title: string; region: string; generatedAt: Date }): ListWriter {
    return createListWriter(out, { format: query.format, encoding: query.format === 'csv' ? query.encoding : undefined, locale: query.lang, meta: { ...meta, source: 'sitenet' } });
  }

  /**
   * The matching sites in the list's order (`sort`, then the id), a page at a time. Each page
   * starts after the last row of the one before — `(sort column, id)` compared as a row, the
   * column's value carried as the database printed it — so a page costs an index range, not an
   * OFFSET over everything before it. A nullable column (openedOn) lists its nulls last, by id.
   */
  async *pages(query: SiteExportQuery, scope: Jurisdiction, kind: string | undefined): AsyncGenerator<SiteEntity[]> {
    const [direction, field] = query.sort.startsWith('-') ? (['DESC', query.sort.slice(1)] as const) : (['ASC', query.sort] as const);
    const key = SORT_KEYS[field as keyof typeof SORT_KEYS];
    const filters = kind === undefined ? filtersOf(query) : { ...filtersOf(query), kind: [kind] };
    const op = direction === 'ASC' ? '>' : '<';
    let cursor: Cursor | undefined;
    for (;;) {
      const builder = (await this.sites.filtered(filters, scope, { withKind: true }))
        .addSelect(`CAST(site.${key.column} AS text)`, 'cursor_value')
        .orderBy(key.property, direction, key.nullable ? 'NULLS LAST' : undefined)
        .addOrderBy('site.id', direction)
        .limit(EXPORT_PAGE_SIZE);
      if (cursor) {
        const after = cursor;
        if (after.value === null) {
          builder.andWhere(`site.${key.column} IS NULL AND site.id ${op} CAST(:cursorId AS uuid)`, { cursorId: after.id });
        } else {
          builder.andWhere(
            new Brackets((where) => {
              where.where(`(site.${key.column}, site.id) ${op} (CAST(:cursorValue AS ${key.type}), CAST(:cursorId AS uuid))`, { cursorValue: after.value, cursorId: after.id });
              if (key.nullable) where.orWhere(`site.${key.column} IS NULL`);
            }),
          );
        }
      }
      const { entities, raw } = await builder.getRawAndEntities<{ site_id: string; cursor_value: string | null }>();
      if (!entities.length) return;
      yield entities;
      if (entities.length < EXPORT_PAGE_SIZE) return;
      const last = entities[entities.length - 1];
      const row = raw.find((r) => r.site_id === last.id);
      cursor = { value: row?.cursor_value ?? null, id: last.id };
    }
  }
}

function filtersOf(query: SiteExportQuery): SiteFilters {
  const { kind, region, status, q, barrierFree, pending } = query;
  return { kind, region, status, q, barrierFree, pending };
}
