import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AccountActivityEntry, AccountAuditAction, AccountAuditEntry, AccountSummary, SiteStatus } from '@sitenet/domain';
import { NotFoundApiException } from '../common/api-exception.js';
import { AccountEntity } from './account.entity.js';
import { toAccountSummary } from './account.mapper.js';
import type { Actor } from './jurisdiction.js';

const COLUMN = { provinceCode: 'province_code', prefectureCode: 'prefecture_code', countyCode: 'county_code' } as const;

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

  async list(reader: Actor, query: { accountId?: string; before?: string; limit: number }): Promise<{ items: AccountAuditEntry[]; nextBefore: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (reader.scope.kind === 'unit') {
      params.push(reader.scope.kind === 'unit' && reader.scope.column === 'provinceCode' ? reader.scope.code : '-');
      where.push(`(a.province_code = $${params.length} OR a.previous_province_code = $${params.length})`);
    }
    if (query.accountId) {
      params.push(query.accountId);
      where.push(`a.account_id = $${params.length}`);
    }
    if (query.before) {
      params.push(new Date(query.before));
      where.push(`a.at < $${params.length}`);
    }
    params.push(query.limit + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.id, a.at, a.actor_id, a.actor_name, a.action, a.account_id, a.account_username, a.changes, a.note, a.request_id
         FROM account_audit a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    let items = rows.slice(0, query.limit).map(toEntry);
    if (rows.length <= query.limit) return { items, nextBefore: null };
    // The next page starts strictly before this page's last instant: entries sharing the instant
    // of the first one left out move to the next page with it (one action writes several at once).
    const boundary = toEntry(rows[query.limit]!).at;
    const kept = items.filter((item) => item.at !== boundary);
    if (kept.length) items = kept;
    return { items, nextBefore: items[items.length - 1]!.at };
  }

  /** What the account did on sites the reader can see, from `since` on (oldest first). */
  async activity(accountId: string, reader: Actor, query: { since?: string; limit: number }): Promise<{ account: AccountSummary; items: AccountActivityEntry[] }> {
    const account = await this.dataSource.getRepository(AccountEntity).findOne({ where: { id: accountId }, relations: { region: true } });
    const notFound = new NotFoundApiException('account.not_found', { 'zh-CN': `没有编号为 ${accountId} 的账号。`, en: `There is no account with id ${accountId}.` });
    if (!account) throw notFound;
    const params: unknown[] = [accountId];
    const where = ['h.actor_id = $1'];
    if (reader.scope.kind === 'unit') {
      if (reader.scope.column !== 'provinceCode' || account.region?.provinceCode !== reader.scope.code) throw notFound;
      params.push(reader.scope.code);
      where.push(`s.${COLUMN[reader.scope.column]} = $${params.length}`);
    }
    if (query.since) {
      params.push(new Date(query.since));
      where.push(`h.at >= $${params.length}`);
    }
    params.push(query.limit);
    const rows: { id: string; at: Date; site_id: string; site_name: string; action: string; from_status: string | null; to_status: string | null; reason: string | null }[] = await this.dataSource.query(
      `SELECT h.id, h.at, h.site_id, s.name AS site_name, h.action, h.from_status, h.to_status, h.reason
         FROM site_history h JOIN site s ON s.id = h.site_id
        WHERE ${where.join(' AND ')}
        ORDER BY h.at ASC, h.id ASC LIMIT $${params.length}`,
      params,
    );
    return {
      account: toAccountSummary(account),
      items: rows.map((row) => ({
        id: row.id,
        at: new Date(row.at).toISOString(),
        siteId: row.site_id,
        siteName: row.site_name,
        action: row.action,
        fromStatus: row.from_status as SiteStatus | null,
        toStatus: row.to_status as SiteStatus | null,
        reason: row.reason,
      })),
    };
  }
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
    requestId: row.request_id,
  };
}
