import { nextTick, onMounted, type Ref, ref, type ShallowRef, shallowRef } from 'vue';
import { useRouter } from 'vue-router';
import { announce } from '#/ui/live-message';
import { presentPage } from '#/ui/page';
import { useRequest } from '#/ui/request';

/**
 * A page that lists entries newest first a page at a time (the audit log, an account's
 * activity): `load()` fetches the first page and presents the page (title, heading focus);
 * `load(true)` fetches the next one from the cursor, appends it and announces how many came.
 * The first page loads when the page mounts.
 */
export function usePagedList<Page extends { items: unknown[] }, Cursor>(options: {
  /** A page, from `cursor` on (undefined: the first). */
  fetch: (cursor: Cursor | undefined) => Promise<Page>;
  /** The cursor of the page after this one (null: none). */
  nextOf: (page: Page) => Cursor | null;
  /** Called with each page that arrives, before its items are shown. */
  arrived?: (page: Page) => void;
  /** What is announced after "more" brought `count` entries. */
  loadedMore: (count: number) => string;
  title: () => string;
  heading: () => HTMLElement | null;
}) {
  const router = useRouter();
  const items = ref([]) as Ref<Page['items']>;
  const next = shallowRef(null) as ShallowRef<Cursor | null>;
  const { status, error, run } = useRequest('loading');

  async function load(more = false): Promise<void> {
    await run(
      () => options.fetch(more && next.value ? next.value : undefined),
      (page) => {
        options.arrived?.(page);
        items.value = more ? [...items.value, ...page.items] : page.items;
        next.value = options.nextOf(page);
        if (more) announce(options.loadedMore(page.items.length));
      },
    );
    if (!more) {
      await nextTick();
      presentPage(router, { title: options.title, heading: options.heading() });
    }
  }

  onMounted(() => void load());
  return { items, next, status, error, load };
}
