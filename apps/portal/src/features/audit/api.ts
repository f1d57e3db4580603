import type { AccountActivity, AccountAuditList } from '@sitenet/domain';
import { apiCall } from '#/api/call';
import type { RequestOptions } from '#/api/client';

/** The account audit log, newest first (admins: all; province officials: accounts that have belonged to their province). */
export function listAccountAudit(query: { accountId?: string; before?: string; beforeId?: string; limit?: number } = {}, options?: RequestOptions): Promise<AccountAuditList> {
  return apiCall('GET /account-audit', { query: { accountId: query.accountId, before: query.before, beforeId: query.beforeId, limit: query.limit ?? 50 } }, options);
}

/** What an account did on sites, from `since` on (oldest first), a page at a time. */
export function getAccountActivity(id: string, query: { since?: string; after?: string; afterId?: string } = {}, options?: RequestOptions): Promise<AccountActivity> {
  return apiCall('GET /accounts/:id/activity', { params: { id }, query: { since: query.since, after: query.after, afterId: query.afterId } }, options);
}
