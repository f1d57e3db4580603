import type { AccountSummary, Jurisdiction } from '@sitenet/domain';

// The rules (who sees which region) are pure and live in @sitenet/domain; the API applies them
// through regions/RegionsService.visible and these re-exports.
export { jurisdictionOf, withinJurisdiction, type Jurisdiction, type UnitPath } from '@sitenet/domain';

export interface Actor extends AccountSummary {
  scope: Jurisdiction;
  sessionId: string;
  /** The request this actor is making (its X-Request-Id), for the audit log. */
  requestId?: string;
}
