import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ancestorColumnOf, toWgs84, withinJurisdiction, type ServicePointInput, type ServicePointList, type ServicePointView } from '@sitenet/domain';
import { ValidationApiException } from '../common/api-exception.js';
import type { Actor } from '../common/actor.js';
import { RegionEntity } from '../regions/region.entity.js';
import { RegionsService } from '../regions/regions.service.js';
import { ServicePointEntity } from './service-point.entity.js';

@Injectable()
export class ServicePointsService {
  constructor(
    @InjectRepository(ServicePointEntity) private readonly points: Repository<ServicePointEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    private readonly regionsService: RegionsService,
  ) {}

  async list(regionCode: string, actor: Actor): Promise<ServicePointList> {
    const region = await this.regionsService.visible(regionCode, actor.scope);
    const column = ancestorColumnOf(region.level)?.property ?? 'code';
    const rows = await this.points.createQueryBuilder('p').innerJoinAndSelect('p.region', 'r').where(`r.${column} = :code`, { code: region.code }).orderBy('r.code').getMany();
    return { items: rows.map((p) => ({ code: p.regionCode, name: p.region!.name, location: { lat: p.lat, lng: p.lng }, updatedAt: p.updatedAt.toISOString() })) };
  }

  /** Sets where a township's service centre is (a township inside the caller's jurisdiction). */
  async set(code: string, input: ServicePointInput, actor: Actor): Promise<ServicePointView> {
    const region = await this.visibleTownship(code, actor);
    if (region.level !== 4) {
      throw new ValidationApiException([
        { path: 'param.code', code: 'region.not_township', messages: { 'zh-CN': '服务点位置只能为乡镇（街道）填写', en: 'A service point belongs to a township' } },
      ]);
    }
    const point = toWgs84({ lat: input.lat, lng: input.lng }, input.system);
    await this.points.upsert({ regionCode: code, lat: point.lat, lng: point.lng, updatedBy: actor.id }, ['regionCode']);
    const saved = await this.points.findOneByOrFail({ regionCode: code });
    return { code, name: region.name, location: { lat: saved.lat, lng: saved.lng }, updatedAt: saved.updatedAt.toISOString() };
  }

  /**
   * The region `code` if the caller may see it. A township of a city without counties (东莞, 中山,
   * 儋州) has no county code: it lies in its county-level unit, the city, as its sites do, so the
   * city's district staff may enter its service point.
   */
  private async visibleTownship(code: string, actor: Actor): Promise<RegionEntity> {
    const found = await this.regions.findOneBy({ code });
    if (found?.level !== 4 || found.countyCode || !found.parentCode) return this.regionsService.visible(code, actor.scope);
    await this.regionsService.visible(found.parentCode, actor.scope);
    return found;
  }

  inside(actor: Actor, region: RegionEntity): boolean {
    return withinJurisdiction(actor.scope, region);
  }
}
