import { nextTick, useId, useTemplateRef } from 'vue';

/**
 * A block that says something went wrong and takes focus to be read at once (ErrorSummary, the
 * save-conflict and stale-version notices): the element is `ref="root"` (role="alert",
 * tabindex="-1"), labelled by its heading (`headingId`). `focus(block)` moves focus there and
 * scrolls it into view after the next render.
 */
export function useFocusedAlert(suffix = 'heading') {
  const root = useTemplateRef<HTMLElement>('root');
  const headingId = `${useId()}-${suffix}`;

  async function focus(block: ScrollLogicalPosition = 'start'): Promise<void> {
    await nextTick();
    root.value?.focus();
    root.value?.scrollIntoView?.({ block });
  }

  return { headingId, focus };
}
