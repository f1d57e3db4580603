import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import {
  SITE_STATUS_LABELS,
  UNIT_COLUMNS,
  diffFields,
  editModeFor,
  withinJurisdiction,
  type FieldChange,
  type GeoPoint,
  type Jurisdiction,
  type RegionLevel,
  type Site,
  type SiteHistoryEntry,
  type SiteListResponse,
  type SiteStatus,
  type SiteKindRegistry,
} from '@sitenet/domain';
import { type SiteCommonInput, type SiteListQuery, type SiteSchemas } from '@sitenet/domain/schemas';
import { ApiException, NotFoundApiException } from '../common/api-exception.js';
import { parseOrThrow } from '../common/parse.js';
import { SITE_KIND_REGISTRY, SITE_SCHEMAS } from '../kinds/kinds.tokens.js';
import { RegionEntity } from '../regions/region.entity.js';
import { SiteEntity } from './site.entity.js';
import { SiteHistoryEntity } from './site-history.entity.js';
import { editableColumns, editableFields, reviewedState, toHistoryEntry, toSite } from './site.mapper.js';
import { changesSince } from './site-changes.js';
import { licenceCondition } from './site-licence.js';
import { SiteLocationCheck } from './site-location.js';
import { historyRowFor, siteEntityFor, storedCommonValues, unitsOfRegion, unknownRegion, type SiteCreateInput, type SiteUnits, type Writer } from './site-writer.js';

export type { SiteCreateInput, SiteUnits, Writer } from './site-writer.js';

export type SiteUpdateInput = Partial<Omit<SiteCreateInput, 'kind'>> & { version: number };

/** The list's filters (`GET /api/sites` and the exports): its query without order and paging. */
export type SiteFilters = Omit<SiteListQuery, 'sort' | 'page' | 'pageSize'>;

/**
 * The registration body a site's editable fields (as `editableFields` gives them) make: the stored
 * WGS-84 point as a wgs84 location, empty values left out (so the complete schema names them missing).
 */
export function completeBodyOf(kind: string, fields: Record<string, unknown>): Record<string, unknown> {
  const { locationSource: _source, location, ...rest } = fields;
  const point = location as { lat?: number | null; lng?: number | null } | null | undefined;
  const body = withoutEmpty({ kind, ...rest }) as Record<string, unknown>;
  if (typeof point?.lat === 'number' && typeof point.lng === 'number') body.location = { lat: point.lat, lng: point.lng, system: 'wgs84' };
  return body;
}

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== null && member !== undefined)
      .map(([key, member]) => [key, withoutEmpty(member)]),
  );
}

const SORT_COLUMNS = { name: 'site.name', openedOn: 'site.openedOn', updatedAt: 'site.updatedAt', createdAt: 'site.createdAt' } as const;
// A draft may have no name yet (issue 12).
const NULLABLE_SORT_COLUMNS = new Set(['openedOn', 'name']);

@Injectable()
export class SitesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @InjectRepository(SiteHistoryEntity) private readonly history: Repository<SiteHistoryEntity>,
    @Inject(SITE_SCHEMAS) private readonly schemas: SiteSchemas,
    @Inject(SITE_KIND_REGISTRY) private readonly kinds: SiteKindRegistry,
    private readonly locations: SiteLocationCheck,
  ) {}

  /**
   * `idempotencyKey` (a UUID the client chose, its Idempotency-Key header): the new site's id. The
   * same key again — a retry after the answer was lost, e.g. the portal's offline outbox — answers
   * the site created the first time instead of creating a second; a key another account used is a 409.
   */
  async create(input: SiteCreateInput, writer: Writer, idempotencyKey?: string): Promise<Site> {
    if (idempotencyKey) {
      const earlier = await this.createdWithKey(idempotencyKey, writer);
      if (earlier) return earlier;
    }
    const entity = await this.toEntity(idempotencyKey ?? randomUUID(), input, 'draft', writer);
    await this.locations.assertInUnit(entity, entity, input.locationConfirmed === true);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(SiteEntity).insert(entity as QueryDeepPartialEntity<SiteEntity>);
        await this.record(manager, entity.id, writer, 'create', { from: null, to: 'draft' }, { ...entity, version: 1 });
      });
    } catch (error) {
      // Two requests with the same key at once: the second finds the first's site.
      const earlier = idempotencyKey && (error as { driverError?: { code?: string } }).driverError?.code === '23505' ? await this.createdWithKey(idempotencyKey, writer) : null;
      if (!earlier) throw error;
      return earlier;
    }
    return this.get(entity.id, writer.scope);
  }

  private async createdWithKey(key: string, writer: Writer): Promise<Site | null> {
    const existing = await this.sites.findOneBy({ id: key });
    if (!existing) return null;
    if (existing.createdBy !== writer.id) {
      throw new ApiException(409, 'site.idempotency_key_used', {
        'zh-CN': '该请求标识（Idempotency-Key）已被使用，请使用新的标识重新提交。',
        en: 'This Idempotency-Key has already been used; send the request again with a new key.',
      });
    }
    return this.get(key, writer.scope);
  }

  /**
   * Writes a site from a seed file as is (its id and status), replacing an earlier load of the
   * same id. The input has been validated with the same schemas as a request. When a reload
   * changes what a reviewer sees of an existing site, its version goes up and the history says
   * what changed (an approval or edit carrying the old version is then refused as stale); an
   * unchanged reload writes nothing.
   */
  async upsertSeeded(id: string, status: SiteStatus, input: SiteCreateInput, writer: Writer): Promise<void> {
    const entity = await this.toEntity(id, input, status, writer);
    await this.locations.assertInUnit(entity, entity, input.locationConfirmed === true);
    if (status === 'approved' || status === 'suspended' || status === 'closed') entity.approvedAt = new Date(`${input.openedOn ?? '2024-01-01'}T00:00:00Z`);
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SiteEntity);
      const current = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) {
        await repository.insert(entity as QueryDeepPartialEntity<SiteEntity>);
        return;
      }
      const after = { ...current, ...entity, version: current.version + 1 };
      const changes = diffFields(reviewedState(current), reviewedState(after));
      if (changes.length === 0) return;
      // the version column goes up with the update (TypeORM's @VersionColumn)
      const values = Object.fromEntries(Object.entries(entity).filter(([key, value]) => value !== undefined && !['id', 'version', 'createdAt', 'updatedAt'].includes(key)));
      await this.versionedUpdate(manager, current, current.version, values);
      await this.record(manager, id, writer, 'update', { from: current.status, to: status, changes }, after);
    });
  }

  /** A site inside the scope, or a 404 that gives no hint whether it exists elsewhere. */
  async findVisible(id: string, scope: Jurisdiction, manager?: EntityManager): Promise<SiteEntity> {
    const site = await (manager?.getRepository(SiteEntity) ?? this.sites).findOneBy({ id });
    if (!site || !withinJurisdiction(scope, site)) {
      throw new NotFoundApiException('site.not_found', { 'zh-CN': `没有编号为 ${id} 的网点，或它不在您的辖区内。`, en: `There is no site with id ${id} in your jurisdiction.` });
    }
    return site;
  }

  async get(id: string, scope: Jurisdiction): Promise<Site> {
    const site = await this.findVisible(id, scope);
    return toSite(site, this.kinds.get(site.kind));
  }

  async historyOf(id: string, scope: Jurisdiction): Promise<SiteHistoryEntry[]> {
    await this.findVisible(id, scope);
    const rows = await this.history.find({ where: { siteId: id }, order: { at: 'ASC', id: 'ASC' } });
    return rows.map(toHistoryEntry);
  }

  /**
   * Applies an edit carrying the version it was based on. Drafts and returned sites change at
   * once; a published site gets a change request (the published fields stay in force until a
   * reviewer approves it); sites under review, suspended or closed are locked. A stale version
   * is refused with 409 and the current record, whether seen before the write or lost in a race.
   */
  async update(id: string, patch: SiteUpdateInput, writer: Writer): Promise<Site> {
    const current = await this.findVisible(id, writer.scope);
    if (patch.version !== current.version) throw this.staleVersion(current);
    const mode = editModeFor(current.status as SiteStatus);
    if (mode === 'locked') {
      throw new ApiException(409, 'site.locked', {
        'zh-CN': `网点当前状态为“${SITE_STATUS_LABELS[current.status as SiteStatus]['zh-CN']}”，不能修改。`,
        en: `The site is ${SITE_STATUS_LABELS[current.status as SiteStatus].en.toLowerCase()} and cannot be edited now.`,
      }, undefined, { status: current.status });
    }
    const base = current.pendingChange?.fields ?? editableFields(current);
    const proposed = await this.applyPatch(current, base, patch, writer.scope);
    // A point or a unit changed: the point must lie in the unit (as at registration).
    if (patch.location !== undefined || patch.regionCode !== undefined) {
      await this.locations.assertInUnit(proposed.fields.location as GeoPoint | undefined, proposed.units, patch.locationConfirmed === true);
    }
    // Attributes validated just now are of the kind's current version.
    const attributesVersion = patch.attributes !== undefined ? { attributesVersion: this.kinds.get(current.kind)!.attributesVersion } : {};
    // A published site never becomes incomplete: the change it proposes is checked whole.
    if (mode === 'change-request') this.assertComplete(current.kind, proposed.fields, 'body');
    const changes = diffFields(base, proposed.fields);
    await this.dataSource.transaction(async (manager) => {
      const values: Partial<SiteEntity> =
        mode === 'direct'
          ? { ...editableColumns(proposed.fields), ...attributesVersion, ...proposed.units, updatedBy: writer.id }
          : {
              updatedBy: writer.id,
              pendingChange: {
                status: 'submitted',
                fields: proposed.fields,
                units: proposed.units,
                proposedBy: writer.id,
                proposedByName: writer.displayName,
                proposedAt: new Date().toISOString(),
                reason: null,
              },
            };
      await this.versionedUpdate(manager, current, patch.version, values);
      await this.record(manager, id, writer, mode === 'direct' ? 'update' : 'change-request', { from: current.status, to: current.status, changes }, { ...current, ...values, version: patch.version + 1 });
    });
    return this.get(id, writer.scope);
  }

  /**
   * Before a submission: a point far from the site's unit is refused (a site saved before the
   * rule, or by a seed or an import); one closer but outside was confirmed when it was saved.
   */
  async assertSubmittable(site: SiteEntity): Promise<void> {
    this.assertComplete(site.kind, editableFields(site), 'site');
    await this.locations.assertInUnit(site, site, 'far-only');
  }

  /**
   * A draft may be incomplete, a submitted site never is: the stored fields are read back as a
   * registration and checked with the complete schema (`schemas.create`, the one definition), so
   * every missing or invalid field is listed at once (400 validation.failed, each path under `prefix`).
   */
  assertComplete(kind: string, fields: Record<string, unknown>, prefix: string): void {
    parseOrThrow(this.schemas.create, completeBodyOf(kind, fields), prefix);
  }

  /** Writes a transition inside a transaction, with its history entry; the version guards it. */
  async transition(
    current: SiteEntity,
    writer: Writer,
    action: string,
    values: Partial<SiteEntity>,
    entry: { from: string | null; to: string | null; reason?: string | null; changes?: FieldChange[] },
  ): Promise<Site> {
    await this.dataSource.transaction(async (manager) => {
      await this.versionedUpdate(manager, current, current.version, { ...values, updatedBy: writer.id });
      await this.record(manager, current.id, writer, action, entry, { ...current, ...values, version: current.version + 1 });
    });
    return this.get(current.id, writer.scope);
  }

  /**
   * One page of the sites in scope, with the total and the counts per kind of everything that
   * matches. One grouped count serves both (the total is the sum over the kinds asked for), so a
   * page costs the page query and one count(*) — no count(DISTINCT id) over the whole table.
   * The order ends with the id in the same direction, so `(updated_at, id)` — the default order,
   * newest first — reads the page straight from the index ix_site_updated_at_id.
   */
  async list(query: SiteListQuery, scope: Jurisdiction): Promise<SiteListResponse> {
    const filtered = await this.filtered(query, scope, { withKind: true });
    const [direction, field] = query.sort.startsWith('-') ? (['DESC', query.sort.slice(1)] as const) : (['ASC', query.sort] as const);
    // NULLS LAST only where a column can be null: on a NOT NULL column it would keep PostgreSQL from using the index.
    const nulls = NULLABLE_SORT_COLUMNS.has(field) ? 'NULLS LAST' : undefined;
    const rows = await filtered
      .orderBy(SORT_COLUMNS[field as keyof typeof SORT_COLUMNS], direction, nulls)
      .addOrderBy('site.id', direction)
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getMany();
    const counts: { kind: string; count: string }[] = await (await this.filtered(query, scope, { withKind: false }))
      .select('site.kind', 'kind')
      .addSelect('count(*)', 'count')
      .groupBy('site.kind')
      .getRawMany();
    const countsByKind = Object.fromEntries(counts.map((c) => [c.kind, Number(c.count)]));
    const kinds = query.kind?.length ? query.kind : Object.keys(countsByKind);
    return {
      items: rows.map((row) => toSite(row, this.kinds.get(row.kind))),
      total: kinds.reduce((sum, kind) => sum + (countsByKind[kind] ?? 0), 0),
      page: query.page,
      pageSize: query.pageSize,
      countsByKind,
    };
  }

  /**
   * The sites in scope that match the list's filters (no order, no paging): the one query both the
   * list and the exports (exports/) read, so a file holds exactly what the list shows. An unknown
   * region is the product's 400 (`query.region`); a region outside the scope matches nothing.
   */
  async filtered(query: SiteFilters, scope: Jurisdiction, options: { withKind: boolean }): Promise<SelectQueryBuilder<SiteEntity>> {
    const builder = this.sites.createQueryBuilder('site');
    if (scope.kind === 'unit') builder.andWhere(`site.${scope.column} = :scope`, { scope: scope.code });
    if (options.withKind && query.kind?.length) builder.andWhere('site.kind IN (:...kinds)', { kinds: query.kind });
    if (query.status?.length) builder.andWhere('site.status IN (:...statuses)', { statuses: query.status });
    if (query.pending) builder.andWhere(`site.pendingChange ->> 'status' = 'submitted'`);
    if (query.barrierFree?.length) builder.andWhere('site.barrierFree @> :features', { features: query.barrierFree });
    if (query.licence) builder.andWhere(licenceCondition(this.kinds, query.licence));
    if (query.region) {
      const region = await this.regions.findOneBy({ code: query.region });
      if (!region) throw unknownRegion(query.region, 'query.region');
      const column = UNIT_COLUMNS[region.level as RegionLevel].property;
      builder.andWhere(`site.${column} = :region`, { region: region.code });
    }
    const text = query.q;
    if (text) {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        new Brackets((or) => {
          or.where(`site.name ILIKE :pattern ESCAPE '\\'`, { pattern })
            .orWhere(`site.address ILIKE :pattern ESCAPE '\\'`, { pattern })
            .orWhere(`site.operatorName ILIKE :pattern ESCAPE '\\'`, { pattern })
            .orWhere('site.operatorCreditCode = :code', { code: text.toUpperCase() });
        }),
      );
    }
    return builder;
  }

  private async applyPatch(current: SiteEntity, base: Record<string, unknown>, patch: SiteUpdateInput, scope: Jurisdiction) {
    const fields = structuredClone(base);
    let units: SiteUnits = current.pendingChange?.units ?? {
      regionCode: current.regionCode,
      provinceCode: current.provinceCode,
      prefectureCode: current.prefectureCode,
      countyCode: current.countyCode,
      townshipCode: current.townshipCode,
    };
    if (patch.attributes !== undefined) {
      // A draft or returned site may lack attributes (checked at submit); a change request to a published site may not.
      const schema = editModeFor(current.status as SiteStatus) === 'direct' ? this.schemas.draftAttributesOf(current.kind) : this.schemas.attributesOf(current.kind);
      if (!schema) throw new ApiException(409, 'site.kind_unavailable', { 'zh-CN': `网点类型 ${current.kind} 未安装，无法修改其字段。`, en: `Site kind ${current.kind} is not installed; its fields cannot be changed.` });
      fields.attributes = (parseOrThrow(schema, { attributes: patch.attributes }, 'body') as { attributes: Record<string, unknown> }).attributes;
    }
    // The region also decides the site's units (and must lie in the writer's jurisdiction).
    if (patch.regionCode !== undefined) units = await this.unitsOf(patch.regionCode, 'body.regionCode', scope);
    Object.assign(fields, this.storedCommonValues(patch));
    return { fields, units };
  }

  private async toEntity(id: string, input: SiteCreateInput, status: SiteStatus, writer: Writer): Promise<SiteEntity> {
    const units = await this.unitsOf(input.regionCode, 'body.regionCode', writer.scope);
    return siteEntityFor(this.kinds, id, input, units, status, writer);
  }

  /** What the common fields a request carries store (each as its declaration says: `store`). */
  private storedCommonValues(input: Partial<SiteCommonInput>): Record<string, unknown> {
    return storedCommonValues(input);
  }

  private async versionedUpdate(manager: EntityManager, current: SiteEntity, version: number, values: Partial<SiteEntity>): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(SiteEntity)
      .set(values as QueryDeepPartialEntity<SiteEntity>)
      .where('id = :id AND version = :version', { id: current.id, version })
      .execute();
    if (result.affected !== 1) throw this.staleVersion((await manager.getRepository(SiteEntity).findOneBy({ id: current.id })) ?? current);
  }

  private async record(
    manager: EntityManager,
    siteId: string,
    writer: Writer,
    action: string,
    entry: { from: string | null; to: string | null; reason?: string | null; changes?: FieldChange[] },
    /** The site as this entry leaves it (its version and what a reviewer sees of it). */
    after: SiteEntity,
  ): Promise<void> {
    await manager.getRepository(SiteHistoryEntity).insert(historyRowFor(randomUUID(), siteId, new Date(), writer, action, entry, after) as QueryDeepPartialEntity<SiteHistoryEntity>);
  }

  /** The units a site in region `code` belongs to (see unitsOfRegion). */
  private async unitsOf(code: string, path: string, scope: Jurisdiction): Promise<SiteUnits> {
    return unitsOfRegion(await this.regions.findOneBy({ code }), code, path, scope);
  }

  /** What differs between the version of a site someone saw and the site now (see site-changes.ts). */
  changesSince(current: SiteEntity, seenVersion: number): Promise<{ changes: FieldChange[]; known: boolean }> {
    return changesSince(this.history, current, seenVersion);
  }

  staleVersion(current: SiteEntity): ApiException {
    return new ApiException(
      409,
      'site.version_conflict',
      {
        'zh-CN': `该网点已被他人修改（当前版本 ${current.version}），您的修改未保存。请查看最新内容后重新修改。`,
        en: `Someone else changed this site (now version ${current.version}); your change was not saved. Review the current record and edit again.`,
      },
      undefined,
      { current: toSite(current) },
    );
  }
}
