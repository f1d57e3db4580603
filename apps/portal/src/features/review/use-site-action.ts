import type { LocalizedText, Site, SiteAction, StaleVersionDetails } from '@sitenet/domain';
import { computed, ref, shallowRef, watch } from 'vue';
import { type ApiError, toApiError } from '#/api/client';
import { errorsFromApi } from '#/ui/form-errors';
import { needsReason } from './actions';
import { performSiteAction, staleVersionOf } from './api';

/** What was done, as i18n keys name it: a workflow action, or a decision on a change request. */
export type ActionOutcome = SiteAction | 'approveChange' | 'returnChange';

export function outcomeOf(action: SiteAction, onChange: boolean): ActionOutcome {
  if (onChange && action === 'approve') return 'approveChange';
  if (onChange && action === 'return') return 'returnChange';
  return action;
}

/**
 * Runs workflow actions on a site: at once, or after the reason dialog for those that need one,
 * always on the version shown. A refused reason (400) stays in the dialog; a site changed since
 * it was shown (409 `review.stale_version`) closes it and is said in `stale` (what changed, with
 * a reload); any other refusal (409, 403) closes it and is shown on the page (`error`).
 */
export function useSiteAction(site: () => Site, onDone: (updated: Site, outcome: ActionOutcome) => void | Promise<void>) {
  const busy = ref(false);
  const error = shallowRef<ApiError | null>(null);
  const reasonError = shallowRef<LocalizedText | null>(null);
  /** The site changed after it was shown: nothing was done (cleared when a new version is shown). */
  const stale = shallowRef<StaleVersionDetails | null>(null);
  watch(
    () => site().version,
    () => {
      stale.value = null;
      error.value = null;
    },
  );
  /** The action waiting for its reason (the dialog is open while this is set). */
  const asking = shallowRef<{ action: SiteAction; onChange: boolean } | null>(null);

  const dialogOpen = computed({
    get: () => asking.value !== null,
    set: (open: boolean) => {
      if (!open) asking.value = null;
    },
  });
  const askingOutcome = computed(() => (asking.value ? outcomeOf(asking.value.action, asking.value.onChange) : null));

  async function run(action: SiteAction, onChange: boolean, reason?: string): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    stale.value = null;
    reasonError.value = null;
    try {
      const updated = await performSiteAction(site().id, action, site().version, reason);
      asking.value = null;
      await onDone(updated, outcomeOf(action, onChange));
    } catch (caught) {
      const failure = toApiError(caught);
      const reasonIssue = errorsFromApi(failure, ['reason']).find((problem) => problem.field === 'reason');
      const changed = staleVersionOf(failure);
      if (changed) {
        asking.value = null;
        stale.value = changed;
      } else if (asking.value && reasonIssue) {
        reasonError.value = reasonIssue.messages;
      } else {
        asking.value = null;
        error.value = failure;
      }
    } finally {
      busy.value = false;
    }
  }

  /** The user chose an action (on the change request when `onChange`). */
  function start(action: SiteAction, onChange = false): void {
    error.value = null;
    stale.value = null;
    if (needsReason(action)) {
      reasonError.value = null;
      asking.value = { action, onChange };
      return;
    }
    void run(action, onChange);
  }

  function confirmReason(reason: string): void {
    if (!asking.value) return;
    void run(asking.value.action, asking.value.onChange, reason);
  }

  return { busy, error, stale, reasonError, dialogOpen, askingOutcome, start, confirmReason };
}
