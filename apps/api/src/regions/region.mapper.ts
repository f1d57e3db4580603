import type { RegionAncestor, RegionDetail, RegionLevel, RegionSummary, RegionType } from '@sitenet/domain';
import type { RegionEntity } from './region.entity.js';

/** The one place where a region row becomes what clients see. */
export function toRegionSummary(entity: RegionEntity): RegionSummary {
  return {
    code: entity.code,
    name: entity.name,
    level: entity.level as RegionLevel,
    type: entity.type as RegionType,
    parentCode: entity.parentCode,
    statisticalOnly: entity.statisticalOnly,
    childCount: entity.childCount,
    centroid: entity.centroidLat === null || entity.centroidLng === null ? null : { lat: entity.centroidLat, lng: entity.centroidLng },
  };
}

export function toRegionAncestor(entity: RegionEntity): RegionAncestor {
  return { code: entity.code, name: entity.name, level: entity.level as RegionLevel, type: entity.type as RegionType };
}

export function toRegionDetail(entity: RegionEntity, ancestors: RegionEntity[]): RegionDetail {
  return { ...toRegionSummary(entity), ancestors: ancestors.map(toRegionAncestor) };
}

/** The codes of a unit's ancestors, root first (from the denormalised columns). */
export function ancestorCodes(entity: RegionEntity): string[] {
  const codes: string[] = [];
  if (entity.level > 1) codes.push(entity.provinceCode);
  if (entity.level > 2 && entity.prefectureCode) codes.push(entity.prefectureCode);
  if (entity.level > 3 && entity.countyCode) codes.push(entity.countyCode);
  return codes;
}
