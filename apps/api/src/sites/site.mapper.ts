import type { BarrierFreeFeature, CoordinateSystem, Site, SiteStatus } from '@sitenet/domain';
import type { SiteEntity } from './site.entity.js';

/** The one place where a site row becomes what clients see. */
export function toSite(entity: SiteEntity): Site {
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    regionCode: entity.regionCode,
    countyCode: entity.countyCode,
    address: entity.address,
    location: { lat: entity.lat, lng: entity.lng },
    locationSource: entity.locationSource as CoordinateSystem,
    operator: { name: entity.operatorName, creditCode: entity.operatorCreditCode },
    contact: { person: entity.contactPerson, phone: entity.contactPhone },
    openedOn: entity.openedOn,
    barrierFree: entity.barrierFree as BarrierFreeFeature[],
    attributes: entity.attributes,
    status: entity.status as SiteStatus,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    createdBy: entity.createdBy,
    updatedBy: entity.updatedBy,
  };
}
