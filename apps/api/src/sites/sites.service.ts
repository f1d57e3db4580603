import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { toWgs84, type CoordinateSystem, type Site, type SiteListResponse, type SiteStatus } from '@sitenet/domain';
import type { SiteListQuery, SiteSchemas } from '@sitenet/domain/schemas';
import { ApiException, NotFoundApiException, ValidationApiException } from '../common/api-exception.js';
import { parseOrThrow } from '../common/parse.js';
import { SITE_SCHEMAS } from '../kinds/kinds.tokens.js';
import { RegionEntity } from '../regions/region.entity.js';
import { SiteEntity } from './site.entity.js';
import { toSite } from './site.mapper.js';

/** A validated create request (the shape of `buildSiteSchemas(...).create`). */
export interface SiteCreateInput {
  kind: string;
  name: string;
  regionCode: string;
  address: string;
  location: { lat: number; lng: number; system: CoordinateSystem };
  operator: { name: string; creditCode: string };
  contact: { person: string; phone: string };
  openedOn: string | null;
  barrierFree: string[];
  attributes: Record<string, unknown>;
}

export type SiteUpdateInput = Partial<Omit<SiteCreateInput, 'kind'>> & { version: number };

interface SiteUnits {
  regionCode: string;
  provinceCode: string;
  prefectureCode: string | null;
  countyCode: string;
  townshipCode: string | null;
}

const SORT_COLUMNS = { name: 'site.name', openedOn: 'site.openedOn', updatedAt: 'site.updatedAt', createdAt: 'site.createdAt' } as const;

@Injectable()
export class SitesService {
  constructor(
    @InjectRepository(SiteEntity) private readonly sites: Repository<SiteEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @Inject(SITE_SCHEMAS) private readonly schemas: SiteSchemas,
  ) {}

  async create(input: SiteCreateInput, actor: string | null = null): Promise<Site> {
    const entity = await this.toEntity(randomUUID(), input, 'draft', actor);
    await this.sites.insert(entity as QueryDeepPartialEntity<SiteEntity>);
    return this.get(entity.id);
  }

  /**
   * Writes a site from a seed file as is (its id and status), replacing an earlier load of the
   * same id. The input has been validated with the same schemas as a request.
   */
  async upsertSeeded(id: string, status: SiteStatus, input: SiteCreateInput, actor: string): Promise<void> {
    const entity = await this.toEntity(id, input, status, actor);
    await this.sites.upsert(entity as QueryDeepPartialEntity<SiteEntity>, ['id']);
  }

  private async toEntity(id: string, input: SiteCreateInput, status: SiteStatus, actor: string | null): Promise<SiteEntity> {
    const units = await this.unitsOf(input.regionCode, 'body.regionCode');
    const location = toWgs84({ lat: input.location.lat, lng: input.location.lng }, input.location.system);
    return this.sites.create({
      id,
      kind: input.kind,
      name: input.name,
      ...units,
      address: input.address,
      lat: location.lat,
      lng: location.lng,
      locationSource: input.location.system,
      operatorName: input.operator.name,
      operatorCreditCode: input.operator.creditCode,
      contactPerson: input.contact.person,
      contactPhone: input.contact.phone,
      openedOn: input.openedOn,
      barrierFree: input.barrierFree,
      attributes: input.attributes,
      status,
      createdBy: actor,
      updatedBy: actor,
    });
  }

  async findEntity(id: string): Promise<SiteEntity> {
    const site = await this.sites.findOneBy({ id });
    if (!site) {
      throw new NotFoundApiException('site.not_found', { 'zh-CN': `没有编号为 ${id} 的网点。`, en: `There is no site with id ${id}.` });
    }
    return site;
  }

  async get(id: string): Promise<Site> {
    return toSite(await this.findEntity(id));
  }

  /**
   * Applies a change carrying the version it was based on. A stale version is refused with 409
   * and the current record, whether it is seen before the write or lost in a race at the write.
   */
  async update(id: string, patch: SiteUpdateInput, actor: string | null = null): Promise<Site> {
    const current = await this.findEntity(id);
    if (patch.version !== current.version) throw this.staleVersion(current);
    const changes: Partial<SiteEntity> = { updatedBy: actor };
    if (patch.attributes !== undefined) {
      const schema = this.schemas.attributesOf(current.kind);
      if (!schema) throw new ApiException(409, 'site.kind_unavailable', { 'zh-CN': `网点类型 ${current.kind} 未安装，无法修改其字段。`, en: `Site kind ${current.kind} is not installed; its fields cannot be changed.` });
      changes.attributes = (parseOrThrow(schema, { attributes: patch.attributes }, 'body') as { attributes: Record<string, unknown> }).attributes;
    }
    if (patch.regionCode !== undefined) Object.assign(changes, await this.unitsOf(patch.regionCode, 'body.regionCode'));
    if (patch.location !== undefined) {
      const location = toWgs84({ lat: patch.location.lat, lng: patch.location.lng }, patch.location.system);
      Object.assign(changes, { lat: location.lat, lng: location.lng, locationSource: patch.location.system });
    }
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.address !== undefined) changes.address = patch.address;
    if (patch.operator !== undefined) Object.assign(changes, { operatorName: patch.operator.name, operatorCreditCode: patch.operator.creditCode });
    if (patch.contact !== undefined) Object.assign(changes, { contactPerson: patch.contact.person, contactPhone: patch.contact.phone });
    if (patch.openedOn !== undefined) changes.openedOn = patch.openedOn;
    if (patch.barrierFree !== undefined) changes.barrierFree = patch.barrierFree;
    const result = await this.sites
      .createQueryBuilder()
      .update(SiteEntity)
      .set(changes as QueryDeepPartialEntity<SiteEntity>)
      .where('id = :id AND version = :version', { id, version: patch.version })
      .execute();
    if (result.affected !== 1) throw this.staleVersion(await this.findEntity(id));
    return this.get(id);
  }

  async list(query: SiteListQuery): Promise<SiteListResponse> {
    const filtered = await this.filtered(query, { withKind: true });
    const [direction, field] = query.sort.startsWith('-') ? (['DESC', query.sort.slice(1)] as const) : (['ASC', query.sort] as const);
    const [rows, total] = await filtered
      .orderBy(SORT_COLUMNS[field as keyof typeof SORT_COLUMNS], direction, 'NULLS LAST')
      .addOrderBy('site.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const counts: { kind: string; count: string }[] = await (await this.filtered(query, { withKind: false }))
      .select('site.kind', 'kind')
      .addSelect('count(*)', 'count')
      .groupBy('site.kind')
      .getRawMany();
    return {
      items: rows.map(toSite),
      total,
      page: query.page,
      pageSize: query.pageSize,
      countsByKind: Object.fromEntries(counts.map((c) => [c.kind, Number(c.count)])),
    };
  }

  private async filtered(query: SiteListQuery, options: { withKind: boolean }): Promise<SelectQueryBuilder<SiteEntity>> {
    const builder = this.sites.createQueryBuilder('site');
    if (options.withKind && query.kind?.length) builder.andWhere('site.kind IN (:...kinds)', { kinds: query.kind });
    if (query.status?.length) builder.andWhere('site.status IN (:...statuses)', { statuses: query.status });
    if (query.barrierFree?.length) builder.andWhere('site.barrierFree @> :features', { features: query.barrierFree });
    if (query.region) {
      const region = await this.regions.findOneBy({ code: query.region });
      if (!region) throw unknownRegion(query.region, 'query.region');
      const column = ({ 1: 'provinceCode', 2: 'prefectureCode', 3: 'countyCode', 4: 'townshipCode' } as const)[region.level as 1 | 2 | 3 | 4];
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

  /**
   * The units a site belongs to. It must lie in a county-level unit or in a township; a township
   * directly under a prefecture-level city without counties (东莞, 中山, 儋州) takes the city as
   * its county-level unit, as the statistical codes do.
   */
  private async unitsOf(code: string, path: string): Promise<SiteUnits> {
    const region = await this.regions.findOneBy({ code });
    if (!region) throw unknownRegion(code, path);
    if (region.level === 3) {
      return { regionCode: code, provinceCode: region.provinceCode, prefectureCode: region.prefectureCode, countyCode: code, townshipCode: null };
    }
    if (region.level === 4) {
      return {
        regionCode: code,
        provinceCode: region.provinceCode,
        prefectureCode: region.prefectureCode,
        countyCode: region.countyCode ?? region.prefectureCode ?? region.provinceCode,
        townshipCode: code,
      };
    }
    throw new ValidationApiException([
      {
        path,
        code: 'region.not_county_or_township',
        messages: {
          'zh-CN': `${region.name}（${code}）不是县级或乡级区划：网点须登记在区县或乡镇（街道）`,
          en: `${region.name} (${code}) is not a county or township: a site is registered in a county or a township`,
        },
      },
    ]);
  }

  private staleVersion(current: SiteEntity): ApiException {
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

function unknownRegion(code: string, path: string): ValidationApiException {
  return new ValidationApiException([
    { path, code: 'region.unknown', messages: { 'zh-CN': `没有代码为 ${code} 的行政区划`, en: `There is no administrative division with code ${code}` } },
  ]);
}
