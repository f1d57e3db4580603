import { z } from 'zod';
import { reasonSchema } from './accounts.js';
import { apiErrorSchema } from './regions.js';
import { fieldChangeSchema, siteConflictSchema, siteSchema } from './sites.js';
import { versionNumber } from './primitives.js';
import { SITE_STATUSES } from '../sites/site.js';

/** The version of the site the person acting saw (`Site.version`): an action on a newer one is refused. */
export const seenVersionSchema = versionNumber().meta({ description: 'The version of the site you saw (Site.version). If the site has changed since, the action is refused with 409 `review.stale_version`, listing what changed' });

/** Body of submit, approve and reopen. */
export const reviewActionSchema = z.strictObject({ version: seenVersionSchema });

/** Body of return, suspend and close: the reason, and the version seen. */
export const reviewReasonSchema = reasonSchema.extend({ version: seenVersionSchema });

export const staleVersionSchema = z
  .object({
    statusCode: z.literal(409),
    code: z.literal('review.stale_version'),
    message: z.string(),
    messages: z.object({ 'zh-CN': z.string(), en: z.string() }),
    seenVersion: z.number().int(),
    current: siteSchema,
    changes: z.array(fieldChangeSchema).meta({
      description:
        'What differs between the version you saw and the current one: `status`, the published fields by path (`name`, `operator.name`, `attributes.x`), `changeRequest` (its status) and the proposed fields as `proposed.<path>`',
    }),
    changesKnown: z.boolean().meta({ description: 'false when the history does not hold the version you saw (older records): only the current version is known' }),
    requestId: z.string().optional(),
  })
  .meta({ id: 'StaleVersion', description: 'The site changed after you saw it; nothing was done. Reload it and decide again.' });
export type StaleVersion = z.infer<typeof staleVersionSchema>;
/** What a 409 `review.stale_version` says beyond the product error: the version seen, the site now and what differs. */
export type StaleVersionDetails = Pick<StaleVersion, 'seenVersion' | 'current' | 'changes' | 'changesKnown'>;

/** 409 when the site's state does not allow what was asked (`review.illegal_transition`, `site.locked`): the product error naming the status. */
export const siteStateConflictSchema = apiErrorSchema
  .extend({ statusCode: z.literal(409), status: z.enum(SITE_STATUSES).meta({ description: 'The status the site is in' }) })
  .meta({ id: 'SiteStateConflict' });
export type SiteStateConflict = z.infer<typeof siteStateConflictSchema>;

/** 409 of a review action: the site changed since the version seen, or the action is not allowed in its state. */
export const reviewConflictSchema = z
  .union([staleVersionSchema, siteStateConflictSchema])
  .meta({ id: 'ReviewConflict', description: 'The site changed after the version you sent (`review.stale_version`, listing what changed), or the action is not allowed in its state (`review.illegal_transition`, naming the status)' });

/** 409 of a site edit: someone saved first (`current` is the site now), or the site's state locks it (`site.locked`, naming the status). */
export const siteUpdateConflictSchema = z.union([siteConflictSchema, siteStateConflictSchema]).meta({ id: 'SiteUpdateConflict' });

/** Body of submit, approve and reopen, after validation. */
export type ReviewAction = z.output<typeof reviewActionSchema>;
/** Body of return, suspend and close, after validation. */
export type ReviewReason = z.output<typeof reviewReasonSchema>;
