import type { FormValues } from './form-model';

/**
 * The site form's unsaved input, kept in sessionStorage (`sitenet.siteDraft`) when the session
 * expires, so that the user finds it again after signing in. One draft at a time (one form is
 * open at a time); it belongs to the account that typed it and to the form it came from.
 */
export const SITE_DRAFT_STORAGE_KEY = 'sitenet.siteDraft';

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
  sessionStorage.setItem(SITE_DRAFT_STORAGE_KEY, JSON.stringify(draft));
}

function isDraft(value: unknown): value is SiteDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<SiteDraft>;
  return typeof draft.form === 'string' && typeof draft.accountId === 'string' && typeof draft.values === 'object' && draft.values !== null;
}

/**
 * The draft of this form typed by this account, removed from storage as it is handed over;
 * null when there is none (a draft of another form or account stays where it is).
 */
export function takeSiteDraft(form: string, accountId: string): SiteDraft | null {
  try {
    const raw = sessionStorage.getItem(SITE_DRAFT_STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as unknown;
    if (!isDraft(parsed)) {
      sessionStorage.removeItem(SITE_DRAFT_STORAGE_KEY);
      return null;
    }
    if (parsed.form !== form || parsed.accountId !== accountId) return null;
    sessionStorage.removeItem(SITE_DRAFT_STORAGE_KEY);
    return { ...parsed, base: parsed.base ?? {}, version: parsed.version ?? null, kind: parsed.kind ?? null };
  } catch {
    return null;
  }
}
