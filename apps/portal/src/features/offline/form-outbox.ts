import type { Site } from '@sitenet/domain';
import type { SiteCreateBody, SiteUpdateBody } from '@sitenet/domain/schemas';
import { onBeforeUnmount, type Ref, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { useAuthStore } from '#/features/auth/store';
import { discardSiteDraft, saveSiteDraft } from '#/features/sites/draft';
import type { FormValues } from '#/features/sites/form-model';
import { useSitesStore } from '#/features/sites/store';
import { useOutbox } from './install';
import { isConnectionLost } from './outbox';

export interface SavedOfflineForm {
  /** The site being edited (null: a registration). */
  site: Ref<Site | null>;
  kind: Ref<string | null>;
  values: Ref<FormValues>;
  base: Ref<FormValues>;
  /** The form's values are safe (queued): leaving asks nothing. */
  leave(): void;
  /** The form changed after it was queued: leaving asks again. */
  stay(): void;
  /** A queued edit went through while the form stayed open with more changes: edit on top of it. */
  rebase(saved: Site): void;
}

function newClientId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

/**
 * The site form's side of the outbox (outbox.ts): queues a save that met no connection, says
 * "已保存在本设备，联网后自动发送" (the form's live region), and when the outbox sends it while the
 * form is still open, moves on as after a save (or, when the user typed more since, keeps their
 * input on top of what was sent).
 */
export function useSavedOffline(form: SavedOfflineForm) {
  const { t } = useI18n();
  const router = useRouter();
  const auth = useAuthStore();
  const sites = useSitesStore();
  const outbox = useOutbox();
  const message = ref('');
  let clientId = newClientId();
  /** The values as queued; null when nothing of this form waits. */
  let queuedValues: string | null = null;

  const formKey = () => (form.site.value ? `site:${form.site.value.id}` : `new:${clientId}`);

  function queue(body: SiteCreateBody | SiteUpdateBody, wantedSubmit: boolean): void {
    const accountId = auth.account?.id;
    if (!accountId || !form.kind.value) return;
    const site = form.site.value;
    outbox.queue({
      key: formKey(),
      accountId,
      operation: site ? 'update' : 'create',
      siteId: site?.id ?? null,
      clientId: site ? null : clientId,
      body,
      form: { kind: form.kind.value, values: form.values.value, base: form.base.value, version: site?.version ?? null },
    });
    queuedValues = JSON.stringify(form.values.value);
    // The outbox holds it now: no second copy as the form's device draft.
    discardSiteDraft(site?.id ?? 'new', accountId);
    form.leave();
    message.value = '';
    void Promise.resolve().then(() => {
      message.value = t(wantedSubmit ? 'offline.queuedNotSubmitted' : 'offline.queued');
    });
  }

  // Typing after the save: the message goes, and leaving asks again.
  watch(
    form.values,
    (next) => {
      if (queuedValues !== null && JSON.stringify(next) !== queuedValues) {
        message.value = '';
        form.stay();
      }
    },
    { deep: true },
  );

  const stopListening = outbox.onSent(({ entry, site }) => {
    if (entry.key !== formKey()) return;
    const unchanged = queuedValues === JSON.stringify(form.values.value);
    queuedValues = null;
    message.value = '';
    if (unchanged) {
      form.leave();
      sites.justSaved = { id: site.id, created: entry.operation === 'create', pending: !!site.pendingChange };
      void router.push({ name: 'site', params: { id: site.id } });
    } else if (entry.operation === 'update') {
      form.rebase(site);
    } else {
      // Registered meanwhile: the form becomes the new site's edit form, with what was typed since.
      const accountId = auth.account?.id;
      if (accountId && form.kind.value) {
        saveSiteDraft({ form: site.id, kind: form.kind.value, accountId, values: form.values.value, base: entry.form.values, version: site.version, savedAt: new Date().toISOString() });
      }
      form.leave();
      void router.replace({ name: 'site-edit', params: { id: site.id } });
    }
  });
  onBeforeUnmount(stopListening);

  return {
    /** "已保存在本设备，联网后自动发送" after a queued save (for the form's live region). */
    message,
    isConnectionLost: (error: unknown) => isConnectionLost(error),
    queue,
    /** Whether a save of this form was queued on the device (and may have been sent meanwhile). */
    hasQueued: () => queuedValues !== null || outbox.find(formKey()) !== undefined,
    /** The Idempotency-Key of this registration (the same for every save until it is created). */
    clientId: () => clientId,
    /** A save went through online: anything of this form still queued is out of date. */
    saved(): void {
      outbox.remove(formKey());
      queuedValues = null;
      message.value = '';
      clientId = newClientId();
    },
  };
}
