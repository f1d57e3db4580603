import { z } from 'zod';
import { ACCOUNT_AUDIT_ACTIONS, ACCOUNT_AUDIT_NOTE_CODES } from '../accounts/audit.js';
import { SITE_STATUSES } from '../sites/site.js';
import { accountSchema } from './accounts.js';
import { instant } from './primitives.js';

/**
 * Paging is a keyset cursor on (at, id): entries sharing one instant (one action writes several)
 * are never skipped nor repeated, however many share it.
 */
export const accountAuditQuerySchema = z.strictObject({
  accountId: z.uuid().optional().meta({ description: 'Only the entries about this account' }),
  before: instant().optional().meta({ description: 'With `beforeId`: entries older than (this instant, that id) — the previous page’s `nextBefore`/`nextBeforeId`. Alone: entries strictly older than this instant' }),
  beforeId: z.uuid().optional().meta({ description: 'The previous page’s `nextBeforeId` (only with `before`)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const accountAuditEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actor: z.object({ id: z.string().nullable(), name: z.string() }).meta({ description: 'Who acted: an account, or id null for the operator (create-admin CLI, the server at start)' }),
    action: z.enum(ACCOUNT_AUDIT_ACTIONS),
    account: z.object({ id: z.uuid(), username: z.string() }),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).meta({ description: 'Before → after; never a password or its hash' }),
    note: z.string().nullable().meta({ description: 'The note in English (entries written before notes had codes have only this)' }),
    noteCode: z.enum(ACCOUNT_AUDIT_NOTE_CODES).nullable().meta({ description: 'What the note says, to label in the reader’s language with `noteParams`' }),
    noteParams: z.record(z.string(), z.string()).nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AccountAuditEntry' });

export const accountAuditListSchema = z
  .object({
    items: z.array(accountAuditEntrySchema),
    nextBefore: z.string().nullable().meta({ description: 'Pass as `before` (with `nextBeforeId` as `beforeId`) for the next (older) page; null at the end' }),
    nextBeforeId: z.uuid().nullable().meta({ description: 'Pass as `beforeId` for the next page; null at the end' }),
  })
  .meta({ id: 'AccountAuditList' });

export const accountActivityQuerySchema = z.strictObject({
  since: instant().optional().meta({ description: 'Only what the account did from this instant on (e.g. an audit entry’s `at`)' }),
  after: instant().optional().meta({ description: 'The previous page’s `nextAfter`: entries after (this instant, `afterId`)' }),
  afterId: z.uuid().optional().meta({ description: 'The previous page’s `nextAfterId` (only with `after`)' }),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const accountActivitySchema = z
  .object({
    account: accountSchema,
    items: z.array(
      z.object({
        id: z.uuid(),
        at: z.string(),
        siteId: z.uuid(),
        siteName: z.string(),
        action: z.string(),
        fromStatus: z.enum(SITE_STATUSES).nullable(),
        toStatus: z.enum(SITE_STATUSES).nullable(),
        reason: z.string().nullable(),
      }),
    ),
    nextAfter: z.string().nullable().meta({ description: 'More entries follow: pass as `after` (with `nextAfterId` as `afterId`) for the next page; null when this page is the last' }),
    nextAfterId: z.uuid().nullable(),
  })
  .meta({ id: 'AccountActivity', description: 'What the account did on sites you can see (their history entries with it as the actor), oldest first' });

export type AccountAuditEntry = z.infer<typeof accountAuditEntrySchema>;
/** A page of the account audit log, newest first. */
export type AccountAuditList = z.infer<typeof accountAuditListSchema>;
export type AccountAuditQuery = z.output<typeof accountAuditQuerySchema>;
/** What an account did on sites (their history entries where it is the actor). */
export type AccountActivity = z.infer<typeof accountActivitySchema>;
export type AccountActivityEntry = AccountActivity['items'][number];
export type AccountActivityQuery = z.output<typeof accountActivityQuerySchema>;
