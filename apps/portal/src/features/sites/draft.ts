import type { FormValues } from './form-model';

/**
 * The site form's unsaved input, kept on the device (localStorage) as the user types and when the
 * session expires, so that nothing typed is lost: they find it again when they come back to the
 * form, also after signing in again or after the phone dropped the page. One entry per account
 * and form (`sitenet.siteDraft:<account>:<form>`); it belongs to the account that typed it.
 * Saving the form removes it.
 */
export const SITE_DRAFT_STORAGE_KEY = 'sitenet.siteDraft';

/** Where the draft of this account's form is kept. */
export function siteDraftKey(form: string, accountId: string): string {
  return `${SITE_DRAFT_STORAGE_KEY}:${accountId}:${form}`;
}

export interface SiteDraft {
  /** `new` for a registration, else the id of the site being edited. */
  form: string;
  /** The kind chosen (registration). */
  kind: string | null;
  accountId: string;
  values: FormValues;
  /** The values the edit started from and the version they were read at: a newer version is merged as after a 409. */
  base: FormValues;
  version: number | null;
  savedAt: string;
}

export function saveSiteDraft(draft: SiteDraft): void {
  try {
    localStorage.setItem(siteDraftKey(draft.form, draft.accountId), JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the form still works, only the copy is lost.
  }
}

/** Forgets the draft of this form (after it was saved). */
export function discardSiteDraft(form: string, accountId: string | undefined): void {
  if (!accountId) return;
  try {
    localStorage.removeItem(siteDraftKey(form, accountId));
  } catch {
    // nothing kept
  }
}

function isDraft(value: unknown): value is SiteDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<SiteDraft>;
  return typeof draft.form === 'string' && typeof draft.accountId === 'string' && typeof draft.values === 'object' && draft.values !== null;
}

/**
 * The draft of this form typed by this account, removed from storage as it is handed over (the
 * form keeps it again as soon as it changes); null when there is none (a draft of another form or
 * account stays where it is).
 */
export function takeSiteDraft(form: string, accountId: string): SiteDraft | null {
  try {
    const key = siteDraftKey(form, accountId);
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    localStorage.removeItem(key);
    if (!isDraft(parsed) || parsed.form !== form || parsed.accountId !== accountId) return null;
    return { ...parsed, base: parsed.base ?? {}, version: parsed.version ?? null, kind: parsed.kind ?? null };
  } catch {
    return null;
  }
}
