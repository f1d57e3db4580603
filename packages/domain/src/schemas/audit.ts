import { z } from 'zod';
import { ACCOUNT_AUDIT_ACTIONS } from '../accounts/audit.js';
import { SITE_STATUSES } from '../sites/site.js';
import { accountSchema } from './accounts.js';

/** An instant in a query (ISO 8601 with a zone, as the API returns them). */
const instant = z.iso.datetime({ offset: true });

export const accountAuditQuerySchema = z.strictObject({
  accountId: z.uuid().optional().meta({ description: 'Only the entries about this account' }),
  before: instant.optional().meta({ description: 'Entries strictly older than this instant (the previous page’s `nextBefore`)' }),
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
    note: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AccountAuditEntry' });

export const accountAuditListSchema = z
  .object({
    items: z.array(accountAuditEntrySchema),
    nextBefore: z.string().nullable().meta({ description: 'Pass as `before` for the next (older) page; null at the end' }),
  })
  .meta({ id: 'AccountAuditList' });

export const accountActivityQuerySchema = z.strictObject({
  since: instant.optional().meta({ description: 'Only what the account did from this instant on (e.g. an audit entry’s `at`)' }),
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
  })
  .meta({ id: 'AccountActivity', description: 'What the account did on sites you can see (their history entries with it as the actor), oldest first' });
