import type { AccountActivityEntry, AccountAuditEntry, AccountSummary } from '@sitenet/domain';
import { getJson, type RequestOptions } from '#/api/client';

export interface AccountAuditPage {
  items: AccountAuditEntry[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: string | null;
}

/** The account audit log, newest first (admins: all; province officials: accounts of their province). */
export function listAccountAudit(query: { accountId?: string; before?: string; limit?: number } = {}, options?: RequestOptions): Promise<AccountAuditPage> {
  return getJson<AccountAuditPage>('/account-audit', { accountId: query.accountId, before: query.before, limit: query.limit ?? 50 }, options);
}

/** What an account did on sites, from `since` on (oldest first). */
export function getAccountActivity(id: string, since?: string, options?: RequestOptions): Promise<{ account: AccountSummary; items: AccountActivityEntry[] }> {
  return getJson('/accounts/' + encodeURIComponent(id) + '/activity', { since }, options);
}
