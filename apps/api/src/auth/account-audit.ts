import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { AccountAuditAction, AccountAuditNoteCode } from '@sitenet/domain';
import { AccountAuditEntity } from './account-audit.entity.js';
import type { Actor } from '../common/actor.js';

/** Who acted on an account: a signed-in account, or the operator (the create-admin CLI, the server at start). */
export type AuditActor = Pick<Actor, 'id' | 'displayName' | 'username' | 'requestId'> | { operator: string };

/** A note: a code and parameters the portal labels in the reader's language, and the English text kept in the table. */
export interface AuditNote {
  code: AccountAuditNoteCode;
  params: Record<string, string>;
  text: string;
}

export interface AccountAuditRecord {
  actor: AuditActor;
  action: AccountAuditAction;
  account: { id: string; username: string };
  /** The account's province after the action (null: national), and before it when it moved. */
  provinceCode: string | null;
  previousProvinceCode?: string | null;
  changes?: { field: string; from: unknown; to: unknown }[];
  note?: AuditNote | null;
}

/**
 * Appends entries to the account audit log, inside the caller's transaction so that an action
 * and its entry are written together or not at all. Never given a password or a hash.
 */
export async function appendAccountAudit(manager: EntityManager, records: AccountAuditRecord[], at = new Date()): Promise<void> {
  if (!records.length) return;
  await manager.getRepository(AccountAuditEntity).insert(
    records.map((record): QueryDeepPartialEntity<AccountAuditEntity> => {
      const operator = 'operator' in record.actor ? record.actor.operator : null;
      const actor = 'operator' in record.actor ? null : record.actor;
      return {
        id: randomUUID(),
        at,
        actorId: actor?.id ?? null,
        actorName: (actor ? `${actor.displayName} (${actor.username})` : `operator: ${operator}`).slice(0, 100),
        action: record.action,
        accountId: record.account.id,
        accountUsername: record.account.username,
        provinceCode: record.provinceCode,
        previousProvinceCode: record.previousProvinceCode ?? null,
        changes: (record.changes ?? []) as QueryDeepPartialEntity<AccountAuditEntity>['changes'],
        note: record.note?.text.slice(0, 500) ?? null,
        noteCode: record.note?.code ?? null,
        noteParams: record.note?.params ?? null,
        requestId: actor?.requestId ?? null,
      };
    }),
  );
}
