import type { AccountActivityEntry, AccountAuditEntry, AccountSummary } from '@sitenet/domain';
import { getJson, type RequestOptions } from '#/api/client';

export interface AccountAuditPage {
  items: AccountAuditEntry[];
  /** With `nextBeforeId`: pass as `before`/`beforeId` for the next (older) page; null at the end. */
  nextBefore: string | null;
  nextBeforeId: string | null;
}

/** The account audit log, newest first (admins: all; province officials: accounts that have belonged to their province). */
export function listAccountAudit(query: { accountId?: string; before?: string; beforeId?: string; limit?: number } = {}, options?: RequestOptions): Promise<AccountAuditPage> {
  return getJson<AccountAuditPage>('/account-audit', { accountId: query.accountId, before: query.before, beforeId: query.beforeId, limit: query.limit ?? 50 }, options);
}

export interface AccountActivityPage {
  account: AccountSummary;
  items: AccountActivityEntry[];
  /** More entries follow: pass as `after`/`afterId`; null when this page is the last. */
  nextAfter: string | null;
  nextAfterId: string | null;
}

/** What an account did on sites, from `since` on (oldest first), a page at a time. */
export function getAccountActivity(id: string, query: { since?: string; after?: string; afterId?: string } = {}, options?: RequestOptions): Promise<AccountActivityPage> {
  return getJson('/accounts/' + encodeURIComponent(id) + '/activity', { since: query.since, after: query.after, afterId: query.afterId }, options);
}
