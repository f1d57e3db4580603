import { shallowRef, watch } from 'vue';
import { useAuthStore } from '#/features/auth/store';
import { saveSiteDraft } from '#/features/sites/draft';
import { createSiteOnce, updateQueuedSite } from './api';
import { createOutbox, type Outbox } from './outbox';

/** The app's outbox once installed (null before: unit tests that mount a single view). */
export const appOutbox = shallowRef<Outbox | null>(null);

/**
 * The app's outbox (features/offline/outbox.ts): the signed-in account's queued site saves, sent
 * when the connection returns (the `online` event), after a sign-in and when the app starts.
 * Call once, after Pinia is installed.
 */
export function installOutbox(): Outbox {
  if (appOutbox.value) return appOutbox.value;
  // The store is looked up on each use: the active Pinia is the app's (a test mounts a new app each time).
  const auth = () => useAuthStore();
  const outbox = createOutbox({
    transport: { create: createSiteOnce, update: updateQueuedSite },
    accountId: () => (auth().isSignedIn() ? (auth().account?.id ?? null) : null),
    // A conflict or a refusal goes back to the form as its device draft: opening the form puts it
    // back and, when the site changed meanwhile, shows the conflict as after any 409.
    keepForm: (entry) =>
      saveSiteDraft({ form: entry.siteId ?? 'new', kind: entry.form.kind, accountId: entry.accountId, values: entry.form.values, base: entry.form.base, version: entry.form.version, savedAt: entry.queuedAt }),
  });
  appOutbox.value = outbox;
  window.addEventListener('online', () => void outbox.flush());
  // A phone unlocked, a tab brought back: worth a try at once.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && outbox.waiting.value.length) void outbox.flush();
  });
  watch(
    () => auth().account?.id ?? null,
    () => {
      outbox.reload();
      void outbox.flush();
    },
    { immediate: true },
  );
  return outbox;
}

/** The app's outbox (installs it on first use). */
export function useOutbox(): Outbox {
  return appOutbox.value ?? installOutbox();
}
