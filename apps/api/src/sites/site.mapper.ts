import { diffFields, licenceOf, type Site, type SiteHistoryEntry, type SiteKindDefinition, type SiteStatus } from '@sitenet/domain';
import { COMMON_SITE_FIELDS, commonFieldColumns, type CommonOutputShape, type CommonSiteFields } from '@sitenet/domain/schemas';
import type { z } from 'zod';
import type { SiteEntity } from './site.entity.js';
import type { SiteHistoryEntity } from './site-history.entity.js';

type Columns = Record<string, unknown>;
type CommonSiteMembers = z.infer<z.ZodObject<CommonOutputShape>>;

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  setPath(child, rest, value);
}

function getPath(source: unknown, path: string): unknown {
  if (path === '') return source;
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), source);
}

/** The columns of the common fields (of those edits change only, when asked). */
function declaredColumns(editableOnly: boolean) {
  const declared: CommonSiteFields = COMMON_SITE_FIELDS;
  return commonFieldColumns(declared).filter((column) => !editableOnly || declared[column.key].inChangeRequests);
}

/** The common fields' members (`operator: { name, creditCode }`), read from their columns. */
function commonMembers(entity: SiteEntity, editableOnly: boolean): Record<string, unknown> {
  const members: Record<string, unknown> = {};
  for (const column of declaredColumns(editableOnly)) {
    const value = (entity as unknown as Columns)[column.property] ?? null;
    if (column.path === '') members[column.key] = value;
    else setPath((members[column.key] ??= {}) as Record<string, unknown>, column.path.split('.'), value);
  }
  return members;
}

/** The columns that hold common fields' members (as `commonMembers` reads them). */
export function commonColumns(members: Record<string, unknown>, editableOnly = false): Partial<SiteEntity> {
  const columns: Columns = {};
  for (const column of declaredColumns(editableOnly)) {
    // A member given replaces the stored one whole: what it lacks (or a member cleared: null) is NULL.
    if (column.key in members) columns[column.property] = getPath(members[column.key], column.path) ?? null;
  }
  return columns;
}

/**
 * The fields district staff edit, as one record: what a change request proposes and a diff
 * compares — the common fields declared `inChangeRequests`, and the kind's attributes.
 */
export function editableFields(entity: SiteEntity): Record<string, unknown> {
  return { ...commonMembers(entity, true), attributes: entity.attributes };
}

/** Writes editable fields (as editableFields gives them) back onto entity columns. */
export function editableColumns(fields: Record<string, unknown>): Partial<SiteEntity> {
  return { ...commonColumns(fields, true), attributes: fields.attributes as Record<string, unknown> };
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

/** The one place where a site row becomes what clients see (its common fields as COMMON_SITE_FIELDS declares them). */
export function toSite(entity: SiteEntity, kind?: Pick<SiteKindDefinition, 'licence'>): Site {
  const pending = entity.pendingChange;
  return {
    id: entity.id,
    kind: entity.kind,
    // The columns hold what the declared schemas validated: the members have the declared types.
    ...(commonMembers(entity, false) as CommonSiteMembers),
    countyCode: entity.countyCode,
    attributes: entity.attributes,
    status: entity.status as SiteStatus,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    createdBy: entity.createdBy,
    updatedBy: entity.updatedBy,
    submittedBy: entity.status === 'submitted' ? entity.submittedBy : null,
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
    ...(kind ? { licence: licenceOf(kind, entity.attributes) } : {}),
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
    source: entity.source ?? null,
  };
}
