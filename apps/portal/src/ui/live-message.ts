import { readonly, ref, type Ref } from 'vue';

/** Time between clearing a live region and filling it, so that repeating a message is re-read. */
export const LIVE_MESSAGE_DELAY_MS = 100;

export interface LiveMessage {
  /** Bind this as the text of an element with role="status" (polite). */
  text: Readonly<Ref<string>>;
  say(message: string): void;
  clear(): void;
}

/**
 * Text for a polite live region. Screen readers announce changes, not content, so each message is
 * written after the region was emptied: saying "找到 5 个结果" twice in a row is heard twice.
 */
export function createLiveMessage(): LiveMessage {
  const text = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  function clear(): void {
    clearTimeout(timer);
    text.value = '';
  }
  function say(message: string): void {
    clear();
    timer = setTimeout(() => {
      text.value = message;
    }, LIVE_MESSAGE_DELAY_MS);
  }
  return { text: readonly(text), say, clear };
}

/** The app-wide polite announcer, rendered once by LiveAnnouncer.vue in App.vue. */
export const pageAnnouncer = createLiveMessage();

export function announce(message: string): void {
  pageAnnouncer.say(message);
}
