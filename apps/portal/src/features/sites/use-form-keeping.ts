import { onBeforeUnmount, watch, type WatchSource } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';

/**
 * Nothing typed is lost (issue 12): leaving a form with unsaved changes asks first — in the app
 * (router guard) and when the tab is closed or reloaded (beforeunload) — and the form is kept on
 * the device as the user types (`keep`, a moment after the last change).
 */
export function useFormKeeping(options: { unsaved: () => boolean; confirmText: () => string; source: WatchSource; keep: () => void; delayMs?: number }): void {
  onBeforeRouteLeave(() => !options.unsaved() || window.confirm(options.confirmText()));
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (options.unsaved()) event.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    options.source,
    () => {
      clearTimeout(timer);
      timer = setTimeout(options.keep, options.delayMs ?? 400);
    },
    { deep: true },
  );
  onBeforeUnmount(() => {
    window.removeEventListener('beforeunload', beforeUnload);
    clearTimeout(timer);
  });
}
