import { MoreThan, type Repository } from 'typeorm';
import { diffFields, type FieldChange } from '@sitenet/domain';
import type { SiteEntity } from './site.entity.js';
import type { SiteHistoryEntity } from './site-history.entity.js';
import { reviewedState } from './site.mapper.js';

/**
 * What differs between the version of a site someone saw and the site now (paths as in
 * reviewedState), read from the history: exactly, from the state kept with the entry that made
 * the version seen; else, for older records, from the entries since, when the history holds
 * them all; else unknown.
 */
export async function changesSince(history: Repository<SiteHistoryEntity>, current: SiteEntity, seenVersion: number): Promise<{ changes: FieldChange[]; known: boolean }> {
  const now = reviewedState(current);
  const seen = await history.findOne({ where: { siteId: current.id, version: seenVersion } });
  if (seen?.snapshot) return { changes: withoutEchoes(diffFields(seen.snapshot, now)), known: true };
  const since = await history.find({ where: { siteId: current.id, version: MoreThan(seenVersion) }, order: { version: 'ASC' } });
  if (seenVersion >= current.version || since.length !== current.version - seenVersion) return { changes: [], known: false };
  const byField = new Map<string, FieldChange>();
  const note = (field: string, from: unknown, to: unknown) => byField.set(field, { field, from: byField.get(field)?.from ?? from, to });
  for (const entry of since) {
    if (entry.fromStatus !== entry.toStatus) note('status', entry.fromStatus, entry.toStatus);
    if (entry.action === 'change-request') {
      for (const change of entry.changes) note(`proposed.${change.field}`, change.from, change.to);
    } else if (entry.action === 'return-change') {
      note('changeRequest', 'submitted', 'returned');
    } else {
      for (const change of entry.changes) note(change.field, change.from, change.to);
      if (entry.action === 'approve-change') note('changeRequest', 'submitted', null);
    }
  }
  const changes = [...byField.values()].filter((c) => JSON.stringify(c.from ?? null) !== JSON.stringify(c.to ?? null));
  return { changes: changes.sort((a, b) => a.field.localeCompare(b.field)), known: true };
}

/**
 * Drops `proposed.<path>` changes that only echo the same change of the published field (with
 * no change request, the proposal is the published record).
 */
function withoutEchoes(changes: FieldChange[]): FieldChange[] {
  const published = new Map(changes.filter((c) => !c.field.startsWith('proposed.')).map((c) => [c.field, JSON.stringify([c.from, c.to])]));
  return changes.filter((c) => !c.field.startsWith('proposed.') || published.get(c.field.slice('proposed.'.length)) !== JSON.stringify([c.from, c.to]));
}
