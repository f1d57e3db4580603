import { computed, nextTick, type Ref, useTemplateRef, watch, type WatchSource } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { presentPage, setDocumentTitle } from '#/ui/page';
import { defaultPeriod, periodicitiesOf, reportingToday, validPeriod } from './period-choice';
import { useOutcomeIndicatorsStore } from './store';

/**
 * What the outcome pages (成果填报, 填报进度) start from: the indicators, the periodicities they use,
 * the period in the URL (`?period=`, when it may be reported today) or else the default one, and
 * the page's h1 (`ref="heading"`) that names the page in the title and takes the focus once
 * loaded. `whenReady(source, load)`: `load` once the indicators are there (they decide the
 * default period), then again whenever `source` changes.
 */
export function useReportingPage(headingText: Ref<string>) {
  const route = useRoute();
  const router = useRouter();
  const store = useOutcomeIndicatorsStore();
  const heading = useTemplateRef<HTMLHeadingElement>('heading');
  const today = reportingToday();
  const periodicities = computed(() => periodicitiesOf(store.indicators));
  const period = computed(() => validPeriod(route.query.period, today) ?? defaultPeriod(periodicities.value, today));
  watch(headingText, (title) => setDocumentTitle(title));

  /** Title and focus once the page's data is there. */
  async function present(): Promise<void> {
    await nextTick();
    presentPage(router, { title: headingText.value, heading: heading.value });
  }

  function whenReady(source: WatchSource<unknown>, load: () => void): void {
    void store.ensureLoaded().then(() => watch(source, load, { immediate: true }));
  }

  return { store, heading, today, periodicities, period, present, whenReady };
}
