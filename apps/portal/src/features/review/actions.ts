import { type Role, SITE_ACTIONS, SITE_TRANSITIONS, type SiteAction, type SiteStatus } from '@sitenet/domain';

/**
 * The workflow actions a role may take on a site in a status, in the workflow's order: read from
 * SITE_TRANSITIONS (who may, from where), never listed by hand. Withdrawing a submission is for
 * whoever submitted it (`isSubmitter`), as the API decides.
 */
export function availableActions(role: Role | null | undefined, status: SiteStatus, isSubmitter = false): SiteAction[] {
  if (!role) return [];
  return SITE_ACTIONS.filter((action) => {
    const transition = SITE_TRANSITIONS[action];
    if (action === 'withdraw' && !isSubmitter) return false;
    return transition.roles.includes(role) && transition.from.includes(status);
  });
}

export function needsReason(action: SiteAction): boolean {
  return SITE_TRANSITIONS[action].needsReason;
}

/**
 * Whether a role decides change requests (approve / return on a published site with a change
 * waiting): the roles that may approve and return submitted sites.
 */
export function decidesChanges(role: Role | null | undefined): boolean {
  return !!role && SITE_TRANSITIONS.approve.roles.includes(role) && SITE_TRANSITIONS.return.roles.includes(role);
}

/** The smallest reason the API accepts (`reasonSchema`: 2–500 characters on one line). */
export const REASON_MIN_LENGTH = 2;
export const REASON_MAX_LENGTH = 500;

/** A reason as the API takes it: one line (line breaks from the text area become spaces), trimmed. */
export function normalizeReason(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters (line breaks among them) are what it replaces
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}
