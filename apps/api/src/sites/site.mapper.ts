import { diffFields, type BarrierFreeFeature, type CoordinateSystem, type Site, type SiteHistoryEntry, type SiteStatus } from '@sitenet/domain';
import type { SiteEntity } from './site.entity.js';
import type { SiteHistoryEntity } from './site-history.entity.js';

/** The fields district staff edit, as one record: what a change request proposes and a diff compares. */
export function editableFields(entity: SiteEntity): Record<string, unknown> {
  return {
    name: entity.name,
    regionCode: entity.regionCode,
    address: entity.address,
    location: { lat: entity.lat, lng: entity.lng },
    locationSource: entity.locationSource,
    operator: { name: entity.operatorName, creditCode: entity.operatorCreditCode },
    contact: { person: entity.contactPerson, phone: entity.contactPhone },
    openedOn: entity.openedOn,
    barrierFree: entity.barrierFree,
    attributes: entity.attributes,
  };
}

/** Writes editable fields (as editableFields gives them) back onto entity columns. */
export function editableColumns(fields: Record<string, unknown>): Partial<SiteEntity> {
  const f = fields as ReturnType<typeof editableFields> & {
    location: { lat: number; lng: number };
    operator: { name: string; creditCode: string };
    contact: { person: string; phone: string };
  };
  return {
    name: f.name as string,
    address: f.address as string,
    lat: f.location.lat,
    lng: f.location.lng,
    locationSource: f.locationSource as string,
    operatorName: f.operator.name,
    operatorCreditCode: f.operator.creditCode,
    contactPerson: f.contact.person,
    contactPhone: f.contact.phone,
    openedOn: f.openedOn as string | null,
    barrierFree: f.barrierFree as string[],
    attributes: f.attributes as Record<string, unknown>,
  };
}

/**
 * What a reviewer sees of a site, as one record: its status, the published fields, the change
 * request's status and reason, and the fields it proposes (`proposed`, the published ones when
 * there is none). Kept with each history entry, so an action on a stale version can be answered
 * with what changed since (diffFields of two of these).
 */
export function reviewedState(entity: SiteEntity): Record<string, unknown> {
  const pending = entity.pendingChange;
  const published = editableFields(entity);
  return {
    status: entity.status,
    ...published,
    changeRequest: pending?.status ?? null,
    changeReason: pending?.reason ?? null,
    proposed: pending?.fields ?? published,
  };
}

/** The one place where a site row becomes what clients see. */
export function toSite(entity: SiteEntity): Site {
  const pending = entity.pendingChange;
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
    approvedAt: entity.approvedAt ? entity.approvedAt.toISOString() : null,
    pendingChange: pending
      ? {
          status: pending.status,
          changes: diffFields(editableFields(entity), pending.fields),
          proposedBy: pending.proposedBy,
          proposedByName: pending.proposedByName,
          proposedAt: pending.proposedAt,
          reason: pending.reason,
        }
      : null,
  };
}

export function toHistoryEntry(entity: SiteHistoryEntity): SiteHistoryEntry {
  return {
    id: entity.id,
    at: entity.at.toISOString(),
    actorId: entity.actorId,
    actorName: entity.actorName,
    action: entity.action,
    fromStatus: entity.fromStatus as SiteStatus | null,
    toStatus: entity.toStatus as SiteStatus | null,
    reason: entity.reason,
    changes: entity.changes,
  };
}
