import { editModeFor, mayPerform, type Role, type Site } from '@sitenet/domain';

/**
 * What the signed-in user can do next with a site, as a site card offers it on a phone: district
 * staff continue a draft, revise a returned site or ask for a change to a published one (the edit
 * form, as the site page's edit button); a reviewer reviews a submitted site or a submitted change (the site page, where the
 * review actions are). Null when there is nothing to do but read it (the card's name opens it).
 */
export type CardAction = { kind: 'continue' | 'answerReturn' | 'requestChange'; route: 'site-edit' } | { kind: 'review'; route: 'site' };

export function cardActionFor(site: Pick<Site, 'status' | 'pendingChange'>, role: Role | null | undefined): CardAction | null {
  if (!role) return null;
  if (mayPerform(role, 'submit')) {
    const mode = editModeFor(site.status);
    if (mode === 'locked') return null;
    if (mode === 'change-request') return { kind: 'requestChange', route: 'site-edit' };
    return { kind: site.status === 'returned' ? 'answerReturn' : 'continue', route: 'site-edit' };
  }
  if (mayPerform(role, 'approve') && (site.status === 'submitted' || site.pendingChange?.status === 'submitted')) return { kind: 'review', route: 'site' };
  return null;
}
