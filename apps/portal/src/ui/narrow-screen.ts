import { getCurrentScope, onScopeDispose, type Ref, ref } from 'vue';

/**
 * The width below which a page lays itself out for a phone (cards instead of a table, filters in a
 * disclosure, a sticky action bar): the same value as the `max-width: 40rem` media queries in CSS
 * (ui/forms.css), so the script and the styles switch together.
 */
export const NARROW_SCREEN_QUERY = '(max-width: 40rem)';

/**
 * Whether a media query matches, kept up to date while the calling component lives (rotating a
 * phone, resizing a window). Without `matchMedia` (very old browsers) it never matches: the wide
 * layout is the one that always works.
 */
export function useMediaQuery(query: string): Ref<boolean> {
  const list = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
  const matches = ref(list?.matches ?? false);
  if (list) {
    const update = (event: MediaQueryListEvent) => (matches.value = event.matches);
    list.addEventListener('change', update);
    if (getCurrentScope()) onScopeDispose(() => list.removeEventListener('change', update));
  }
  return matches;
}

/** True on a phone-sized screen (NARROW_SCREEN_QUERY). */
export function useNarrowScreen(): Ref<boolean> {
  return useMediaQuery(NARROW_SCREEN_QUERY);
}
