import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AccountActivity, AccountActivityQuery, AccountAuditAction, AccountAuditEntry, AccountAuditList, AccountAuditNoteCode, AccountAuditQuery, SiteStatus } from '@sitenet/domain';
import { NotFoundApiException } from '../common/api-exception.js';
import { AccountEntity } from './account.entity.js';
import { toAccountSummary } from './account.mapper.js';
import type { Actor } from '../common/actor.js';

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  account_id: string;
  account_username: string;
  changes: { field: string; from: unknown; to: unknown }[];
  note: string | null;
  note_code: string | null;
  note_params: Record<string, string> | null;
  request_id: string | null;
}

/**
 * Reading the account audit log and what an account then did: the admin reads everything; a
 * province official the entries about accounts of their province (before or after a move), and
 * the activity of such accounts on sites of their province.
 */
@Injectable()
export class AccountAuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(reader: Actor, query: AccountAuditQuery): Promise<AccountAuditList> {
    const where: string[] = [];
    const params: unknown[] = [];
    const province = provinceOf(reader);
    if (province !== undefined) {
      // Every entry about an account that has belonged to the reader's province at some time
      // (its creation there, or a move into or out of it): a move never hides its past or future.
      params.push(province ?? '-');
      where.push(`a.account_id IN (SELECT p.account_id FROM account_audit p WHERE p.province_code = $${params.length} OR p.previous_province_code = $${params.length})`);
    }
    if (query.accountId) {
      params.push(query.accountId);
      where.push(`a.account_id = $${params.length}`);
    }
    if (query.before && query.beforeId) {
      // A keyset cursor on (at, id), the order of the list: entries sharing one instant are
      // neither skipped nor repeated, however many share it.
      params.push(new Date(query.before), query.beforeId);
      where.push(`(a.at, a.id) < ($${params.length - 1}, $${params.length})`);
    } else if (query.before) {
      params.push(new Date(query.before));
      where.push(`a.at < $${params.length}`);
    }
    params.push(query.limit + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.id, a.at, a.actor_id, a.actor_name, a.action, a.account_id, a.account_username, a.changes, a.note, a.note_code, a.note_params, a.request_id
         FROM account_audit a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit).map(toEntry);
    const last = rows.length > query.limit ? items[items.length - 1] : null;
    return { items, nextBefore: last?.at ?? null, nextBeforeId: last?.id ?? null };
  }

  /**
   * What the account did on sites the reader can see, from `since` on (oldest first), a page at
   * a time: `nextAfter`/`nextAfterId` say that more follow and where. A province official sees
   * an account that has belonged to their province at some time (its audit entries say so), and
   * its activity on sites of their province.
   */
  async activity(accountId: string, reader: Actor, query: AccountActivityQuery): Promise<AccountActivity> {
    const account = await this.dataSource.getRepository(AccountEntity).findOne({ where: { id: accountId }, relations: { region: true } });
    const notFound = new NotFoundApiException('account.not_found', { 'zh-CN': `没有编号为 ${accountId} 的账号。`, en: `There is no account with id ${accountId}.` });
    if (!account) throw notFound;
    const params: unknown[] = [accountId];
    const where = ['h.actor_id = $1'];
    if (reader.scope.kind === 'unit') {
      const province = provinceOf(reader);
      if (!province) throw notFound;
      if (account.region?.provinceCode !== province && !(await this.hasBelongedTo(accountId, province))) throw notFound;
      params.push(province);
      where.push(`s.province_code = $${params.length}`);
    }
    if (query.since) {
      params.push(new Date(query.since));
      where.push(`h.at >= $${params.length}`);
    }
    if (query.after && query.afterId) {
      params.push(new Date(query.after), query.afterId);
      where.push(`(h.at, h.id) > ($${params.length - 1}, $${params.length})`);
    } else if (query.after) {
      params.push(new Date(query.after));
      where.push(`h.at > $${params.length}`);
    }
    params.push(query.limit + 1);
    const rows: { id: string; at: Date; site_id: string; site_name: string; action: string; from_status: string | null; to_status: string | null; reason: string | null }[] = await this.dataSource.query(
      `SELECT h.id, h.at, h.site_id, s.name AS site_name, h.action, h.from_status, h.to_status, h.reason
         FROM site_history h JOIN site s ON s.id = h.site_id
        WHERE ${where.join(' AND ')}
        ORDER BY h.at ASC, h.id ASC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, query.limit).map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      siteId: row.site_id,
      siteName: row.site_name,
      action: row.action,
      fromStatus: row.from_status as SiteStatus | null,
      toStatus: row.to_status as SiteStatus | null,
      reason: row.reason,
    }));
    const last = rows.length > query.limit ? items[items.length - 1] : null;
    return { account: toAccountSummary(account), items, nextAfter: last?.at ?? null, nextAfterId: last?.id ?? null };
  }

  /** Whether an audit entry places the account in the province (created there, moved into or out of it). */
  private async hasBelongedTo(accountId: string, provinceCode: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM account_audit WHERE account_id = $1 AND (province_code = $2 OR previous_province_code = $2) LIMIT 1`,
      [accountId, provinceCode],
    );
    return rows.length > 0;
  }
}

/** undefined: the reader sees every account; null: a unit reader who is not a province official (sees none); else their province. */
function provinceOf(reader: Actor): string | null | undefined {
  if (reader.scope.kind !== 'unit') return undefined;
  return reader.scope.column === 'provinceCode' ? reader.scope.code : null;
}

function toEntry(row: AuditRow): AccountAuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: { id: row.actor_id, name: row.actor_name },
    action: row.action as AccountAuditAction,
    account: { id: row.account_id, username: row.account_username },
    changes: row.changes,
    note: row.note,
    noteCode: (row.note_code as AccountAuditNoteCode | null) ?? null,
    noteParams: row.note_params ?? null,
    requestId: row.request_id,
  };
}
