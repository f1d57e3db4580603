import { z } from 'zod';
import { UNIT_FAR_KM } from '../geo/unit-boundary.js';
import { LOCATION_FAR_CODE, LOCATION_OUTSIDE_CODE } from '../geo/unit-location-texts.js';
import { apiErrorSchema } from './regions.js';

/**
 * The 400 of a site whose point lies outside the county-level unit it names (POST/PATCH
 * /api/sites, and a submission): `site.location_far_from_unit` (more than 20 km: refused) or
 * `site.location_outside_unit` (closer: send the request again with `locationConfirmed: true`).
 * `location` says how far and, when exchanging latitude and longitude puts the point in the
 * unit, that point (the fix to offer).
 */
export const siteLocationProblemSchema = z
  .object({
    verdict: z.enum(['outside', 'far']),
    distanceKm: z.number().min(0).meta({ description: 'Distance to the drawn boundary, rounded (0.1 km below 10 km)' }),
    farKm: z.literal(UNIT_FAR_KM),
    unit: z.object({ code: z.string(), name: z.string() }).meta({ description: 'The county-level unit checked against (a township is checked against its county)' }),
    swapped: z.object({ lat: z.number(), lng: z.number() }).nullable().meta({ description: 'The point with latitude and longitude exchanged, when that one lies in the unit' }),
    confirmable: z.boolean().meta({ description: 'True for `outside`: the same request with locationConfirmed: true is accepted' }),
  })
  .meta({ id: 'SiteLocationProblem' });

export const siteLocationErrorSchema = apiErrorSchema
  .extend({
    statusCode: z.literal(400),
    code: z.enum([LOCATION_FAR_CODE, LOCATION_OUTSIDE_CODE]),
    location: siteLocationProblemSchema,
  })
  .meta({ id: 'SiteLocationError' });

export type SiteLocationProblem = z.infer<typeof siteLocationProblemSchema>;
export type SiteLocationError = z.infer<typeof siteLocationErrorSchema>;

/**
 * The 400 of the requests that write a site's point (registration, edit, submission): any
 * ApiError, and with the two location codes its `location` member (SiteLocationError).
 */
export const siteBadRequestSchema = apiErrorSchema
  .extend({ location: siteLocationProblemSchema.optional().meta({ description: 'With site.location_far_from_unit and site.location_outside_unit: how far, from which unit' }) })
  .meta({ id: 'SiteBadRequest' });
